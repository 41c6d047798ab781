import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  actorHasRole,
  AppError,
  AuditTrail,
  isIsoDate,
  isUuid,
  newId,
  NotificationKind,
  Notifier,
  Page,
  PageArgs,
  pageWindow,
  RequestContext,
  Role,
  todayUtc,
  toPage,
  UnitOfWork,
} from '@tel/core';
import { DocumentVisibility } from '@tel/documents';
import { Group, LookupService, MeetingsDirectory, OfficeRole } from '@tel/meetings';
import {
  canonicalProjectNumber,
  cleanText,
  HistoryService,
  HistorySubject,
  isApecFunded,
  documentKey,
  partialDateInput,
  partialDateSpan,
  ProgressReport,
  ProgressReportStatus,
  ProgressReportsService,
  Project,
  ProjectAccess,
  ProjectStatus,
  ProjectsService,
} from '@tel/projects';
import { applyDecision, ApprovalOutcome, ApprovalRequestStatus, ChainStep, checkDecision, DecisionMode } from '../rules/approval-chain.rules';
import { ApprovalKind, chainTemplate } from '../rules/chain-templates';
import { ApprovalDecision } from './approval-decision.entity';
import { ApprovalRequest } from './approval-request.entity';
import { ApprovalStep } from './approval-step.entity';
import { ApprovalRequestFilter, DecideApprovalStepInput, FileApprovalRequestInput, WithdrawApprovalRequestInput } from './approval.inputs';

const KIND_LABEL: Record<ApprovalKind, string> = {
  EXTENSION: 'Extension',
  NEW_PROJECT: 'New project',
  REPORT_ENDORSEMENT: 'Endorsement',
  REPROGRAMMING: 'Reprogramming',
};

/** Requests, their chains and decisions; the effect of a final approval lands in the same transaction. */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly meetings: MeetingsDirectory,
    private readonly audit: AuditTrail,
    private readonly history: HistoryService,
    private readonly access: ProjectAccess,
    private readonly projects: ProjectsService,
    private readonly reports: ProgressReportsService,
    private readonly documents: DocumentVisibility,
    private readonly notifier: Notifier,
  ) {}

  async byId(id: string): Promise<ApprovalRequest> {
    const request = isUuid(id) ? await this.uow.manager.findOne(ApprovalRequest, { where: { id } }) : null;
    if (!request) throw AppError.notFound('APPROVAL_NOT_FOUND', 'Approval request', id);
    return request;
  }

  async list(filter: ApprovalRequestFilter | null, page: PageArgs): Promise<Page<ApprovalRequest>> {
    const window = pageWindow(page);
    const em = this.uow.manager;
    const qb = em.createQueryBuilder(ApprovalRequest, 'r');
    if (filter?.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter?.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter?.projectNumber) {
      const number = canonicalProjectNumber(filter.projectNumber);
      if (!number) throw AppError.badInput('PROJECT_NUMBER_MALFORMED', `"${filter.projectNumber}" is not a project number (e.g. TEL 01/2007S)`, { field: 'projectNumber' });
      // A number that names no project matches no request.
      qb.andWhere('r.projectId = :projectId', { projectId: (await this.projects.findByNumber(number, em))?.id ?? null });
    }
    if (filter?.awaitingBody) {
      const body = await this.lookup.groupByCode(em, filter.awaitingBody);
      // Waiting on the body: the first step not yet approved is the body's, and nothing was rejected.
      qb.andWhere('r.status = :pending', { pending: ApprovalRequestStatus.PENDING }).andWhere(
        `EXISTS (SELECT 1 FROM approval_step s WHERE s."requestId" = r.id AND s."groupId" = :body AND s.outcome <> :approved
           AND NOT EXISTS (SELECT 1 FROM approval_step q WHERE q."requestId" = r.id AND q.position < s.position AND q.outcome <> :approved))`,
        { body: body.id, approved: ApprovalOutcome.APPROVED },
      );
    }
    const [nodes, total] = await qb.orderBy('r.createdAt', 'ASC').addOrderBy('r.id', 'ASC').skip(window.offset).take(window.limit).getManyAndCount();
    return toPage(nodes, total, window);
  }

  file(ctx: RequestContext, input: FileApprovalRequestInput): Promise<ApprovalRequest> {
    return this.uow.write(async (em) => {
      if (!this.access.isSecretariat(ctx) && !this.access.isSystem(ctx)) {
        // Overseers file extensions and reprogramming for their own projects, on the usual chain.
        const own = !!input.projectId && isUuid(input.projectId) && (await this.access.isOverseerOf(em, ctx, input.projectId));
        if (!own || ![ApprovalKind.EXTENSION, ApprovalKind.REPROGRAMMING].includes(input.kind)) {
          throw AppError.forbidden(
            'APPROVAL_FILING_REFUSED',
            'Overseers may file extensions and reprogramming for their own projects; everything else is filed by the Secretariat',
          );
        }
        if (input.steps) throw AppError.forbidden('APPROVAL_FILING_REFUSED', 'Only the Secretariat sets a chain other than the usual one');
      }
      const { project, report } = await this.subjectOf(em, input);
      const filedOn = cleanText(input.filedOn) ?? todayUtc();
      if (!isIsoDate(filedOn)) throw AppError.badInput('DATE_MALFORMED', 'filedOn must be a date written YYYY-MM-DD', { field: 'filedOn' });
      const documentSymbol = input.documentSymbol ? documentKey(input.documentSymbol, 'documentSymbol') : null;
      let requestedEndDate: string | null = null;
      let requestedCompletionMeetingId: string | null = null;
      if (input.kind === ApprovalKind.EXTENSION) {
        requestedEndDate = partialDateInput(cleanText(input.requestedEndDate), 'requestedEndDate');
        if (requestedEndDate && project!.endDate && partialDateSpan(requestedEndDate).last <= partialDateSpan(project!.endDate).last) {
          throw AppError.badInput('EXTENSION_DATE_INVALID', `An extension moves the end date later than ${project!.endDate}`, { field: 'requestedEndDate' });
        }
        if (input.requestedCompletionMeetingCode) requestedCompletionMeetingId = (await this.lookup.meetingByCode(em, input.requestedCompletionMeetingCode)).id;
      } else if (input.requestedEndDate || input.requestedCompletionMeetingCode) {
        throw AppError.badInput('APPROVAL_INPUT_INVALID', 'requestedEndDate and requestedCompletionMeetingCode belong to an EXTENSION', { field: 'requestedEndDate' });
      }
      const steps = await this.chainFor(em, input, project);
      const subject = cleanText(input.subject) ?? `${KIND_LABEL[input.kind]}: ${project?.title ?? documentSymbol ?? 'progress report'}`;
      const request = em.create(ApprovalRequest, {
        id: newId(),
        createdAt: new Date(), // with milliseconds: requests are listed in filing order
        kind: input.kind,
        status: ApprovalRequestStatus.PENDING,
        version: 0,
        subject,
        reason: cleanText(input.reason),
        projectId: project?.id ?? null,
        progressReportId: report?.id ?? null,
        documentSymbol,
        documentId: await this.documents.registeredDocumentId(em, documentSymbol),
        requestedEndDate,
        requestedCompletionMeetingId,
        filedOn,
        source: cleanText(input.source),
        seedKey: null,
      });
      await em.insert(ApprovalRequest, request);
      for (const [i, step] of steps.entries()) {
        await em.insert(ApprovalStep, {
          id: newId(),
          requestId: request.id,
          position: i + 1,
          groupId: step.group.id,
          mode: step.mode,
          outcome: ApprovalOutcome.PENDING,
          version: 0,
        });
      }
      const chain = steps.map((s) => `${s.group.code}${s.mode === DecisionMode.BY_CHAIR ? ' (chair)' : ''}`).join(' → ');
      await this.history.record(em, ctx, {
        subjectType: HistorySubject.APPROVAL_REQUEST,
        subjectId: request.id,
        action: 'approval.file',
        to: request.status,
        note: `${chain}${request.reason ? `: ${request.reason}` : ''}`,
      });
      if (project) await this.projects.noteApproval(em, ctx, project.id, 'approval.file', `${KIND_LABEL[input.kind]} request filed (${chain})`);
      await this.audit.record(em, ctx, { action: 'approval.file', entityType: 'ApprovalRequest', entityId: request.id, summary: `filed "${subject}" (${chain})` });
      return request;
    });
  }

  /**
   * Records a decision on a step. Concurrency: the caller names the step version it read; the
   * step's UPDATE carries `version = expected` in its WHERE, and so does the request's (with the
   * version read in this transaction). On PostgreSQL the second of two concurrent decisions waits
   * for the first's row lock, then matches no row and answers CONFLICT; on SQLite the write lock
   * serializes them and the second finds a newer version and answers CONFLICT too.
   */
  decide(ctx: RequestContext, input: DecideApprovalStepInput): Promise<ApprovalRequest> {
    return this.uow.write(async (em) => {
      const found = isUuid(input.stepId) ? await em.findOne(ApprovalStep, { where: { id: input.stepId }, select: { id: true, requestId: true } }) : null;
      if (!found) throw AppError.notFound('APPROVAL_STEP_NOT_FOUND', 'Approval step', input.stepId);
      // Request first, then its steps: a decision committed in between shows as a newer step version.
      const request = await em.findOneOrFail(ApprovalRequest, { where: { id: found.requestId } });
      const steps = await em.find(ApprovalStep, { where: { requestId: request.id }, order: { position: 'ASC' } });
      const step = steps.find((s) => s.id === found.id)!;
      const conflict = (version: number) =>
        AppError.conflict('VERSION_STALE', `The step was decided since you read it (version ${version}, you read ${input.expectedVersion}); read it again`, {
          currentVersion: version,
        });
      if (step.version !== input.expectedVersion) throw conflict(step.version);
      await this.requireMayDecide(em, ctx, step);
      /** A refusal computed from a read that another decision has since overtaken is a CONFLICT, not the refusal. */
      const refuse = async (error: AppError): Promise<never> => {
        const now = await em.findOne(ApprovalStep, { where: { id: step.id }, select: { id: true, version: true } });
        throw now && now.version !== input.expectedVersion ? conflict(now.version) : error;
      };
      const decisions = await em.find(ApprovalDecision, { where: { stepId: In(steps.map((s) => s.id)) }, order: { sequence: 'ASC' } });
      const decisionsOf = (s: ApprovalStep) => decisions.filter((d) => d.stepId === s.id);
      const groups = await this.lookup.groupsByIds(
        em,
        steps.map((s) => s.groupId),
      );
      const names = steps.map((s) => `${groups.find((g) => g.id === s.groupId)?.code ?? '?'}${s.mode === DecisionMode.BY_CHAIR ? ' (chair)' : ''}`);
      const index = steps.findIndex((s) => s.id === step.id);
      const current = decisionsOf(step).at(-1) ?? null;

      const correction = !!input.correctsDecisionId;
      if (correction && current?.id !== input.correctsDecisionId) {
        await refuse(
          AppError.invalidState(
            'STEP_DECISION_NOT_CURRENT',
            current ? `Only the step's current decision (${current.id}) can be corrected` : `${names[index]} has no decision to correct`,
          ),
        );
      }
      const chain: ChainStep[] = steps.map((s) => ({ outcome: s.outcome, decided: decisionsOf(s).length > 0 }));
      const check = checkDecision(chain, { stepIndex: index, outcome: input.outcome, correction, requestStatus: request.status }, names);
      if (!check.ok)
        await refuse(check.code === 'INVALID_STATE' ? new AppError(check.errorReason, check.reason) : new AppError(check.errorReason, check.reason, { field: 'outcome' }));

      const decidedOn = cleanText(input.decidedOn) ?? todayUtc();
      if (!isIsoDate(decidedOn)) throw AppError.badInput('DATE_MALFORMED', 'decidedOn must be a date written YYYY-MM-DD', { field: 'decidedOn' });
      if (decidedOn > todayUtc()) throw AppError.badInput('DATE_OUT_OF_RANGE', 'decidedOn is in the future', { field: 'decidedOn' });
      const previousOn = index > 0 ? (decisionsOf(steps[index - 1]).at(-1)?.decidedOn ?? null) : null;
      if (previousOn && decidedOn < previousOn) throw AppError.badInput('DATE_ORDER', `decidedOn is before ${names[index - 1]} decided (${previousOn})`, { field: 'decidedOn' });
      const meeting = input.meetingCode ? await this.lookup.meetingByCode(em, input.meetingCode) : null;
      const documentSymbol = input.documentSymbol ? documentKey(input.documentSymbol, 'documentSymbol') : null;

      const result = applyDecision(chain, index, input.outcome);
      const stepUpdate = await em.update(ApprovalStep, { id: step.id, version: input.expectedVersion }, { outcome: input.outcome, version: input.expectedVersion + 1 });
      const status = result.status;
      const requestUpdate = await em.update(ApprovalRequest, { id: request.id, version: request.version }, { status, version: request.version + 1 });
      if (stepUpdate.affected !== 1 || requestUpdate.affected !== 1)
        throw AppError.conflict('CONCURRENT_UPDATE', 'Someone decided on this request at the same time; read it again');

      const decision = em.create(ApprovalDecision, {
        id: newId(),
        stepId: step.id,
        sequence: (current?.sequence ?? 0) + 1,
        outcome: input.outcome,
        decidedOn,
        meetingId: meeting?.id ?? null,
        documentSymbol,
        documentId: await this.documents.registeredDocumentId(em, documentSymbol),
        note: cleanText(input.note),
        correctsDecisionId: correction ? current!.id : null,
        recordedById: ctx.actor?.userId ?? null,
        recordedByEmail: ctx.actor?.email ?? null,
        source: null,
      });
      await em.insert(ApprovalDecision, decision);

      const where = [meeting ? `at ${meeting.code}` : step.mode === DecisionMode.BY_CHAIR ? 'by its chair' : null, `on ${decidedOn}`].filter(Boolean).join(' ');
      await this.history.record(em, ctx, {
        subjectType: HistorySubject.APPROVAL_REQUEST,
        subjectId: request.id,
        action: correction ? 'approval.correct' : 'approval.decide',
        from: step.outcome,
        to: input.outcome,
        note: `${names[index]} ${input.outcome.toLowerCase()} ${where}${decision.note ? `: ${decision.note}` : ''}`,
      });
      if (status !== request.status) {
        await this.history.record(em, ctx, { subjectType: HistorySubject.APPROVAL_REQUEST, subjectId: request.id, action: 'approval.status', from: request.status, to: status });
      }
      if (result.completed) await this.applyEffect(em, ctx, request, decidedOn);
      await this.audit.record(em, ctx, {
        action: correction ? 'approval.correct' : 'approval.decide',
        entityType: 'ApprovalRequest',
        entityId: request.id,
        summary: `${names[index]}: ${input.outcome} on "${request.subject}"${status !== request.status ? ` (request ${status})` : ''}`,
      });
      await this.announceDecision(em, ctx, request, `${names[index]} ${input.outcome.toLowerCase()} ${where}`, decision.note, status);
      request.status = status;
      request.version += 1;
      return request;
    });
  }

  /**
   * Who records a decision: the secretariat, any step. A step decided BY_CHAIR (the USA
   * postponement waits on the TEL Chair) may also be recorded by the account linked to the person
   * who is that body's chair now.
   */
  private async requireMayDecide(em: EntityManager, ctx: RequestContext, step: ApprovalStep): Promise<void> {
    const actor = ctx.actor;
    if (!actor) {
      if (ctx.req) throw AppError.unauthenticated('SIGN_IN_REQUIRED');
      return; // the system (seed)
    }
    if (actorHasRole(actor, Role.SECRETARIAT)) return;
    if (step.mode === DecisionMode.BY_CHAIR && actor.personId && (await this.lookup.holdsOfficeNow(em, step.groupId, OfficeRole.CHAIR, actor.personId))) return;
    throw AppError.forbidden('NOT_CHAIR', "Only the secretariat, or for a decision by a body's chair the account linked to that chair, may record this decision");
  }

  /** A decision recorded → the project's overseers and the secretariat (not the one who recorded it). */
  private async announceDecision(em: EntityManager, ctx: RequestContext, request: ApprovalRequest, what: string, note: string | null, status: string): Promise<void> {
    const overseers = request.projectId ? await this.access.overseerUserIds(em, request.projectId) : [];
    await this.notifier.notify(em, {
      kind: NotificationKind.DECISION_RECORDED,
      recipients: { userIds: overseers, roles: [Role.SECRETARIAT], except: ctx.actor ? [ctx.actor.userId] : [] },
      title: `Decision recorded: ${request.subject}`,
      body: [`${what}.`, ...(note ? [`Note: ${note}`] : []), `The request is now ${status.toLowerCase()}.`],
      path: request.projectId ? `/projects/${request.projectId}` : null,
    });
  }

  withdraw(ctx: RequestContext, input: WithdrawApprovalRequestInput): Promise<ApprovalRequest> {
    return this.uow.write(async (em) => {
      const request = isUuid(input.id) ? await em.findOne(ApprovalRequest, { where: { id: input.id } }) : null;
      if (!request) throw AppError.notFound('APPROVAL_NOT_FOUND', 'Approval request', input.id);
      if (request.status !== ApprovalRequestStatus.PENDING)
        throw AppError.invalidState('APPROVAL_NOT_PENDING', `A request that is ${request.status} cannot be withdrawn`, { status: request.status });
      const updated = await em.update(ApprovalRequest, { id: request.id, version: request.version }, { status: ApprovalRequestStatus.WITHDRAWN, version: request.version + 1 });
      if (updated.affected !== 1) throw AppError.conflict('CONCURRENT_UPDATE', 'Someone changed this request at the same time; read it again');
      await this.history.record(em, ctx, {
        subjectType: HistorySubject.APPROVAL_REQUEST,
        subjectId: request.id,
        action: 'approval.withdraw',
        from: request.status,
        to: ApprovalRequestStatus.WITHDRAWN,
        note: cleanText(input.note),
      });
      await this.audit.record(em, ctx, { action: 'approval.withdraw', entityType: 'ApprovalRequest', entityId: request.id, summary: `withdrew "${request.subject}"` });
      request.status = ApprovalRequestStatus.WITHDRAWN;
      request.version += 1;
      return request;
    });
  }

  /** The final approval's effect on the project (or report), in the decision's transaction. */
  private async applyEffect(em: EntityManager, ctx: RequestContext, request: ApprovalRequest, decidedOn: string): Promise<void> {
    const note = `${KIND_LABEL[request.kind]} approved on ${decidedOn}: ${request.subject}`;
    switch (request.kind) {
      case ApprovalKind.EXTENSION:
        await this.projects.applyExtension(em, ctx, request.projectId!, { endDate: request.requestedEndDate, completionMeetingId: request.requestedCompletionMeetingId }, note);
        break;
      case ApprovalKind.NEW_PROJECT:
        await this.projects.applyApproval(em, ctx, request.projectId!, note);
        break;
      case ApprovalKind.REPORT_ENDORSEMENT:
        if (request.progressReportId) await this.reports.applyEndorsement(em, ctx, request.progressReportId, decidedOn, note);
        if (request.projectId) await this.projects.noteApproval(em, ctx, request.projectId, 'project.endorse', note);
        break;
      case ApprovalKind.REPROGRAMMING:
        await this.projects.noteApproval(em, ctx, request.projectId!, 'project.reprogram', note);
        break;
    }
  }

  /** The project and report a request is about, checked against its kind. */
  private async subjectOf(em: EntityManager, input: FileApprovalRequestInput): Promise<{ project: Project | null; report: ProgressReport | null }> {
    let report: ProgressReport | null = null;
    if (input.progressReportId) {
      if (input.kind !== ApprovalKind.REPORT_ENDORSEMENT)
        throw AppError.badInput('APPROVAL_INPUT_INVALID', 'progressReportId belongs to a REPORT_ENDORSEMENT', { field: 'progressReportId' });
      report = await this.reports.findById(em, input.progressReportId);
      if (!report || report.status === ProgressReportStatus.DRAFT) throw AppError.notFound('REPORT_NOT_FOUND', 'Progress report', input.progressReportId);
    }
    const projectId = input.projectId ?? report?.projectId ?? null;
    if (report && input.projectId && input.projectId !== report.projectId)
      throw AppError.badInput('REFERENCE_ELSEWHERE', 'the progress report belongs to another project', { field: 'projectId' });
    const project = projectId ? await this.projects.byId(projectId, em) : null;
    if (input.kind !== ApprovalKind.REPORT_ENDORSEMENT && !project)
      throw AppError.badInput('APPROVAL_INPUT_INVALID', `A ${input.kind} request needs projectId`, { field: 'projectId' });
    if (input.kind === ApprovalKind.REPORT_ENDORSEMENT && !project && !input.documentSymbol && !cleanText(input.subject)) {
      throw AppError.badInput('APPROVAL_INPUT_INVALID', 'Name what is to be endorsed: a progressReportId, a documentSymbol or at least a subject', { field: 'subject' });
    }
    if (project && input.kind === ApprovalKind.NEW_PROJECT && project.status !== ProjectStatus.PROPOSED) {
      throw AppError.invalidState('PROJECT_NOT_PROPOSED', `The project is ${project.status}; only a PROPOSED project is approved as new`, { status: project.status });
    }
    if (project && (input.kind === ApprovalKind.EXTENSION || input.kind === ApprovalKind.REPROGRAMMING)) this.projects.assertOpen(project, `an ${input.kind.toLowerCase()}`);
    return { project, report };
  }

  /** The chain the input gives, or the usual one for its kind. */
  private async chainFor(em: EntityManager, input: FileApprovalRequestInput, project: Project | null): Promise<{ group: Group; mode: DecisionMode }[]> {
    const steps: { group: Group; mode: DecisionMode }[] = [];
    if (input.steps) {
      for (const s of input.steps) steps.push({ group: await this.lookup.groupByCode(em, s.groupCode), mode: s.mode ?? DecisionMode.IN_PLENARY });
    } else {
      for (const t of chainTemplate(input.kind, isApecFunded(project?.fundingAccount ?? null))) {
        let group: Group | null;
        if ('groupCode' in t.body) group = await this.lookup.groupByCode(em, t.body.groupCode);
        else if (input.steeringGroupCode) group = await this.lookup.groupByCode(em, input.steeringGroupCode);
        else group = project?.steeringGroupId ? await this.meetings.groupById(em, project.steeringGroupId) : null;
        if (!group)
          throw AppError.badInput('APPROVAL_INPUT_INVALID', 'The usual chain starts with the steering group: give steeringGroupCode, or the steps', { field: 'steeringGroupCode' });
        steps.push({ group, mode: t.mode });
      }
    }
    const codes = steps.map((s) => s.group.code);
    const twice = codes.find((c, i) => codes.indexOf(c) !== i);
    if (twice) throw AppError.badInput('DUPLICATE_IN_LIST', `${twice} appears twice in the chain`, { field: 'steps' });
    return steps;
  }
}
