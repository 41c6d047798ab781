import { EntityManager } from 'typeorm';
import { newId, UnitOfWork } from '@tel/core';
import { Document } from '@tel/documents';
import { Agenda, AgendaItem, Economy, Group, Meeting, Person } from '@tel/meetings';
import { EconomyRole, FundingAccount, HistoryEvent, HistorySubject, ProgressReport, Project, ProjectAgendaItem, ProjectDocument, ProjectEconomy, ProjectType } from '@tel/projects';
import { ApprovalDecision, ApprovalOutcome, ApprovalRequest, ApprovalStep, chainStatus } from '@tel/approvals';
import type { SeedCounts } from '../loader';
import { approvalRequests } from './approval-requests';
import { progressReports } from './progress-reports';
import { projects } from './projects';
import type { SeedAgendaItemRef, SeedProjectsDataSet } from './types';

const SEEDED = 'loaded from the TEL37 seed';

/**
 * Loads the projects seed after the TEL37 and documents seeds: what is missing is inserted (found
 * by natural keys: project and request seed keys, report project + period), so a second run
 * changes nothing and later edits are kept. Documents are linked by symbol, and by id when the
 * documents seed has registered them. Each inserted project, report and request gets a first
 * history event citing its source.
 */
export async function loadProjectsSeed(uow: UnitOfWork, data: SeedProjectsDataSet = { projects, progressReports, approvalRequests }): Promise<SeedCounts> {
  return uow.write((em) => new ProjectsSeedLoader(em, data).run());
}

class ProjectsSeedLoader {
  private readonly counts: SeedCounts = {};
  private readonly cache = new Map<string, string>();
  private readonly projectIds = new Map<string, string>();

  constructor(
    private readonly em: EntityManager,
    private readonly data: SeedProjectsDataSet,
  ) {}

  async run(): Promise<SeedCounts> {
    for (const p of this.data.projects) {
      const existing = await this.em.findOne(Project, { where: { seedKey: p.key } });
      if (existing) {
        this.projectIds.set(p.key, existing.id);
        continue;
      }
      const id = newId();
      this.projectIds.set(p.key, id);
      await this.insert(Project, {
        id,
        seedKey: p.key,
        number: p.number ?? null,
        title: p.title,
        forumId: await this.group(p.forumCode),
        steeringGroupId: p.steeringGroupCode ? await this.group(p.steeringGroupCode) : null,
        overseerPersonId: p.overseerPersonKey ? await this.person(p.overseerPersonKey) : null,
        overseerPostalAddress: p.overseerContact?.postalAddress ?? null,
        overseerPhone: p.overseerContact?.phone ?? null,
        overseerFax: p.overseerContact?.fax ?? null,
        overseerEmail: p.overseerContact?.email ?? null,
        fundingAccount: (p.fundingAccount as FundingAccount) ?? null,
        totalCostAmount: p.totalCost?.amount ?? null,
        totalCostQualifier: p.totalCost?.qualifier ?? null,
        apecFundingAmount: p.apecFundingSought?.amount ?? null,
        apecFundingQualifier: p.apecFundingSought?.qualifier ?? null,
        projectType: (p.projectType as ProjectType) ?? null,
        projectTypeOther: p.projectTypeOther ?? null,
        startDate: p.startDate ?? null,
        endDate: p.endDate ?? null,
        completionMeetingId: p.completionMeetingCode ? await this.meeting(p.completionMeetingCode) : null,
        description: p.description,
        status: p.status,
        source: p.source,
      });
      let position = 0;
      for (const [role, codes] of [
        [EconomyRole.PROPOSING, p.proposingEconomyCodes],
        [EconomyRole.CO_SPONSORING, p.coSponsoringEconomyCodes ?? []],
      ] as const) {
        for (const code of codes) await this.insert(ProjectEconomy, { id: newId(), projectId: id, economyId: await this.economy(code), role, position: ++position });
      }
      for (const [i, ref] of p.agendaItems.entries())
        await this.insert(ProjectAgendaItem, { id: newId(), projectId: id, agendaItemId: await this.agendaItem(ref), position: i + 1 });
      for (const [i, symbol] of (p.documentSymbols ?? []).entries()) {
        await this.insert(ProjectDocument, { id: newId(), projectId: id, documentSymbol: symbol, documentId: await this.documentId(symbol), position: i + 1 });
      }
      await this.history(HistorySubject.PROJECT, id, 'project.create', null, p.status, p.source);
    }

    for (const r of this.data.progressReports) {
      const projectId = this.ref(this.projectIds, r.projectKey);
      const meetingId = await this.meeting(r.meetingCode);
      if (await this.em.exists(ProgressReport, { where: { projectId, meetingId } })) continue;
      const id = newId();
      await this.insert(ProgressReport, {
        id,
        projectId,
        meetingId,
        status: r.status,
        version: 0,
        fundingAccount: r.fundingAccount ?? null,
        projectNumber: r.projectNumber ?? null,
        committeeName: r.committeeName ?? null,
        projectTitle: r.projectTitle ?? null,
        proposingEconomyCodes: r.proposingEconomyCodes,
        coSponsoringEconomyCodes: r.coSponsoringEconomyCodes,
        overseerName: r.overseerName ?? null,
        overseerTitle: r.overseerTitle ?? null,
        overseerOrganization: r.overseerOrganization ?? null,
        overseerSex: r.overseerSex ?? null,
        overseerPostalAddress: r.overseerContact?.postalAddress ?? null,
        overseerPhone: r.overseerContact?.phone ?? null,
        overseerFax: r.overseerContact?.fax ?? null,
        overseerEmail: r.overseerContact?.email ?? null,
        totalCostAmount: r.totalCost?.amount ?? null,
        totalCostQualifier: r.totalCost?.qualifier ?? null,
        apecFundingAmount: r.apecFundingSought?.amount ?? null,
        apecFundingQualifier: r.apecFundingSought?.qualifier ?? null,
        projectType: r.projectType ?? null,
        projectTypeOther: r.projectTypeOther ?? null,
        startDate: r.startDate ?? null,
        endDate: r.endDate ?? null,
        description: r.description ?? null,
        onSchedule: r.onSchedule ?? null,
        withinBudget: r.withinBudget ?? null,
        objectivesResults: r.objectivesResults ?? null,
        linkagesMethodologyBudget: r.linkagesMethodologyBudget ?? null,
        genderImpactOnWomen: r.genderImpactOnWomen ?? null,
        genderWomenConsulted: r.genderWomenConsulted ?? null,
        genderSexDisaggregatedData: r.genderSexDisaggregatedData ?? null,
        progressSinceLastReport: r.progressSinceLastReport ?? null,
        overseerSignatureName: r.overseerSignatureName ?? null,
        overseerSignatureDate: r.overseerSignatureDate ?? null,
        dateReceivedBySecretariat: r.dateReceivedBySecretariat ?? null,
        returnComment: null,
        tabledAtMeetingId: r.tabledAtMeetingCode ? await this.meeting(r.tabledAtMeetingCode) : null,
        documentSymbol: r.documentSymbol ?? null,
        documentId: r.documentSymbol ? await this.documentId(r.documentSymbol) : null,
        endorsedOn: null,
        source: r.source,
      });
      await this.history(HistorySubject.PROGRESS_REPORT, id, 'report.create', null, r.status, r.source);
    }

    // Filing order is the data set's order (createdAt with milliseconds; SQLite's default keeps whole seconds).
    const filedAt = Date.now();
    for (const [n, q] of this.data.approvalRequests.entries()) {
      if (await this.em.exists(ApprovalRequest, { where: { seedKey: q.key } })) continue;
      const outcomes = q.steps.map((s) => (s.decision?.outcome as ApprovalOutcome) ?? ApprovalOutcome.PENDING);
      const status = chainStatus(outcomes.map((outcome) => ({ outcome })));
      const id = newId();
      await this.insert(ApprovalRequest, {
        id,
        createdAt: new Date(filedAt + n),
        seedKey: q.key,
        kind: q.kind,
        status,
        version: 0,
        subject: q.subject,
        reason: q.reason ?? null,
        projectId: q.projectKey ? this.ref(this.projectIds, q.projectKey) : null,
        progressReportId: null,
        documentSymbol: q.documentSymbol ?? null,
        documentId: q.documentSymbol ? await this.documentId(q.documentSymbol) : null,
        requestedEndDate: q.requestedEndDate ?? null,
        requestedCompletionMeetingId: q.requestedCompletionMeetingCode ? await this.meeting(q.requestedCompletionMeetingCode) : null,
        filedOn: q.filedOn ?? null,
        source: q.source,
      });
      for (const [i, s] of q.steps.entries()) {
        const stepId = newId();
        await this.insert(ApprovalStep, {
          id: stepId,
          requestId: id,
          position: i + 1,
          groupId: await this.group(s.groupCode),
          mode: s.mode,
          outcome: outcomes[i],
          version: s.decision ? 1 : 0,
        });
        if (!s.decision) continue;
        const d = s.decision;
        await this.insert(ApprovalDecision, {
          id: newId(),
          stepId,
          sequence: 1,
          outcome: d.outcome,
          decidedOn: d.decidedOn ?? null,
          meetingId: d.meetingCode ? await this.meeting(d.meetingCode) : null,
          documentSymbol: null,
          documentId: null,
          note: d.note ?? null,
          correctsDecisionId: null,
          recordedById: null,
          recordedByEmail: null,
          source: d.source,
        });
      }
      const chain = q.steps.map((s) => `${s.groupCode}${s.mode === 'BY_CHAIR' ? ' (chair)' : ''}: ${s.decision?.outcome ?? 'PENDING'}`).join(' → ');
      await this.history(HistorySubject.APPROVAL_REQUEST, id, 'approval.file', null, status, `${chain}. ${q.source}`);
    }
    return this.counts;
  }

  private async history(subjectType: HistorySubject, subjectId: string, action: string, from: string | null, to: string, source: string): Promise<void> {
    await this.insert(HistoryEvent, {
      id: newId(),
      subjectType,
      subjectId,
      action,
      fromState: from,
      toState: to,
      note: `${SEEDED}: ${source}`.slice(0, 4000),
      changes: [],
      actorId: null,
      actorEmail: null,
    });
  }

  private async insert<T>(entity: new () => T, values: Record<string, unknown>): Promise<void> {
    await this.em.insert(entity, values);
    this.counts[entity.name] = (this.counts[entity.name] ?? 0) + 1;
  }

  private ref(map: Map<string, string>, key: string): string {
    const id = map.get(key);
    if (!id) throw new Error(`projects seed: unknown reference "${key}"`);
    return id;
  }

  /** Finds a row of the TEL37 seed by a natural key, once per key. */
  private async lookup<T extends { id: string }>(entity: new () => T, where: Record<string, unknown>, label: string): Promise<string> {
    const cacheKey = `${entity.name}:${JSON.stringify(where)}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const row = await this.em.findOne(entity, { where: where as never });
    if (!row) throw new Error(`projects seed: no ${label} (load the TEL37 seed first)`);
    this.cache.set(cacheKey, row.id);
    return row.id;
  }

  private group(code: string): Promise<string> {
    return this.lookup(Group, { code }, `group ${code}`);
  }
  private economy(code: string): Promise<string> {
    return this.lookup(Economy, { code }, `economy ${code}`);
  }
  private meeting(code: string): Promise<string> {
    return this.lookup(Meeting, { code }, `meeting ${code}`);
  }
  private person(key: string): Promise<string> {
    return this.lookup(Person, { seedKey: key }, `person ${key}`);
  }
  private async agendaItem(ref: SeedAgendaItemRef): Promise<string> {
    const agendaId = await this.lookup(
      Agenda,
      { meetingId: await this.meeting(ref.meetingCode), groupId: await this.group(ref.groupCode) },
      `${ref.groupCode} agenda of ${ref.meetingCode}`,
    );
    return this.lookup(AgendaItem, { agendaId, number: ref.number }, `agenda item ${ref.meetingCode} ${ref.groupCode} ${ref.number}`);
  }

  /** The registered document with this symbol, when the documents seed (or anyone) registered it. */
  private async documentId(symbol: string): Promise<string | null> {
    return (await this.em.findOne(Document, { where: { symbol }, select: { id: true } }))?.id ?? null;
  }
}
