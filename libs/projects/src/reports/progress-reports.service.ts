import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  AppError,
  AuditTrail,
  isIsoDate,
  isUniqueViolation,
  isUuid,
  newId,
  NotificationKind,
  Notifier,
  RequestContext,
  Role,
  todayUtc,
  UnitOfWork,
} from '@tel/core';
import { DocumentAccess, DocumentPurpose, DocumentsService, DocumentType } from '@tel/documents';
import { LookupService, Meeting, MeetingsDirectory, MeetingsLoaders, MeetingStatus } from '@tel/meetings';
import { ProjectAccess } from '../access/project-access';
import { HistorySubject } from '../history/history-event.entity';
import { HistoryService } from '../history/history.service';
import { Project } from '../projects/project.entity';
import { EconomyRole, ProjectStatus } from '../projects/project.enums';
import { ProjectEconomy } from '../projects/project-economy.entity';
import { canonicalProjectNumber } from '../projects/project-number';
import { ProjectsService } from '../projects/projects.service';
import { documentKey } from '../shared/document-symbol';
import { FieldChange } from '../shared/field-diff';
import { partialDatesInOrder } from '../shared/partial-date';
import { ProjectsLoaders } from '../shared/projects.loaders';
import { cleanText, moneyColumns, partialDateInput } from '../shared/value-types';
import { ProgressReport } from './progress-report.entity';
import {
  DraftProgressReportInput,
  ProgressReportFieldsInput,
  ProgressReportRefInput,
  ReceiveProgressReportInput,
  ReturnProgressReportInput,
  TableProgressReportInput,
  UpdateProgressReportInput,
} from './progress-report.inputs';
import {
  carryOver,
  comparePeriods,
  diffReports,
  missingForSubmit,
  ProgressReportStatus,
  REPORT_FORM_KEYS,
  REPORT_STATUS_AFTER,
  ReportAction,
  reportActionAllowed,
  stillCarriedOver,
} from './progress-report.rules';
import { daysUntilDue, nextDueMeeting, overdueReports, reportDueOn, upcomingReportMeeting } from './report-due.rules';
import { ProjectOverseerAccount } from '../projects/project-overseer-account.entity';

/** The report a project owes next: the meeting it is for, when it is due, and the report when one is started. */
export interface ReportDueRow {
  meeting: Meeting;
  dueOn: string | null;
  daysLeft: number | null;
  report: ProgressReport | null;
}

export interface OverdueReportRow {
  project: Project;
  meeting: Meeting;
  dueOn: string;
  daysOverdue: number;
}

/** A report deadline of a project an account oversees (deadlinesOf). */
export interface ReportDeadlineRow {
  project: Project;
  meeting: Meeting;
  dueOn: string;
  report: ProgressReport | null;
  filed: boolean;
}

const COUNTS_AS_FILED = new Set<string>([ProgressReportStatus.SUBMITTED, ProgressReportStatus.RECEIVED, ProgressReportStatus.ACCEPTED]);

const PAST: Record<ReportAction, string> = { edit: 'edited', submit: 'submitted', receive: 'received', accept: 'accepted', return: 'returned', table: 'tabled' };

/** Progress reports: drafting, submission, the Secretariat's handling, comparison and due dates. */
@Injectable()
export class ProgressReportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly audit: AuditTrail,
    private readonly history: HistoryService,
    private readonly access: ProjectAccess,
    private readonly projects: ProjectsService,
    private readonly loaders: ProjectsLoaders,
    private readonly meetings: MeetingsLoaders,
    private readonly directory: MeetingsDirectory,
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifier: Notifier,
  ) {}

  /** A report the caller may see (drafts: the project's overseers and the Secretariat), else NOT_FOUND. */
  async byId(ctx: RequestContext, id: string): Promise<ProgressReport> {
    const report = isUuid(id) ? await this.loaders.report(ctx, id) : null;
    if (!report || !(await this.access.maySeeReport(ctx, report))) throw AppError.notFound('REPORT_NOT_FOUND', 'Progress report', id);
    return report;
  }

  draft(ctx: RequestContext, input: DraftProgressReportInput): Promise<ProgressReport> {
    return this.uow.write(async (em) => {
      const project = await this.projects.byId(input.projectId, em);
      await this.access.requireOverseerOrSecretariat(em, ctx, project.id);
      if (project.status === ProjectStatus.WITHDRAWN || project.status === ProjectStatus.CLOSED) {
        throw AppError.invalidState('PROJECT_FINISHED', `The project is ${project.status}; it reports no more`, { status: project.status });
      }
      const meeting = await this.lookup.meetingByCode(em, input.meetingCode);
      if (meeting.groupId !== project.forumId) throw AppError.badInput('REFERENCE_ELSEWHERE', `${meeting.code} is not a meeting of the project's forum`, { field: 'meetingCode' });
      if (await em.exists(ProgressReport, { where: { projectId: project.id, meetingId: meeting.id } })) {
        throw AppError.conflict('REPORT_EXISTS', `The project already has a progress report for ${meeting.code}`);
      }
      // The header from the register; the answers carried over from the previous report, to review.
      const previous = await this.previousFiled(em, ctx, project.id, meeting);
      const report = em.create(ProgressReport, {
        id: newId(),
        projectId: project.id,
        meetingId: meeting.id,
        status: ProgressReportStatus.DRAFT,
        version: 0,
        ...(await this.formFromRegister(em, project)),
        onSchedule: null,
        withinBudget: null,
        objectivesResults: null,
        linkagesMethodologyBudget: null,
        genderImpactOnWomen: null,
        genderWomenConsulted: null,
        genderSexDisaggregatedData: null,
        ...((previous ? carryOver(previous) : {}) as Partial<ProgressReport>),
        progressSinceLastReport: null,
        overseerSignatureName: null,
        overseerSignatureDate: null,
        dateReceivedBySecretariat: null,
        returnComment: null,
        tabledAtMeetingId: null,
        documentSymbol: null,
        documentId: null,
        endorsedOn: null,
        source: null,
      });
      await this.applyFields(em, report, input);
      try {
        await em.insert(ProgressReport, report);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('REPORT_EXISTS', `The project already has a progress report for ${meeting.code}`);
        throw error;
      }
      await this.history.record(em, ctx, {
        subjectType: HistorySubject.PROGRESS_REPORT,
        subjectId: report.id,
        action: 'report.draft',
        to: report.status,
        note: previous
          ? `for ${meeting.code}, answers carried over from the ${(await this.meetings.meeting(ctx, previous.meetingId))?.code ?? 'previous'} report`
          : `for ${meeting.code}`,
      });
      await this.audit.record(em, ctx, {
        action: 'progress_report.draft',
        entityType: 'ProgressReport',
        entityId: report.id,
        summary: `drafted the ${meeting.code} progress report of "${project.title}"`,
      });
      return report;
    });
  }

  update(ctx: RequestContext, input: UpdateProgressReportInput): Promise<ProgressReport> {
    return this.uow.write(async (em) => {
      const report = await this.loadForWrite(em, ctx, input.id);
      await this.access.requireOverseerOrSecretariat(em, ctx, report.projectId);
      this.assertAllowed('edit', report);
      if (input.expectedVersion != null && input.expectedVersion !== report.version) {
        throw AppError.conflict('VERSION_STALE', `The report changed since you read it (version ${report.version}, you edited ${input.expectedVersion})`, {
          currentVersion: report.version,
        });
      }
      const before = { ...report };
      await this.applyFields(em, report, input);
      const changes = diffReports(before, report);
      for (const key of ['overseerSignatureName', 'overseerSignatureDate'] as const) {
        if (before[key] !== report[key]) changes.push({ field: key, before: before[key], after: report[key] });
      }
      if (!changes.length) return report;
      await this.saveVersioned(em, report);
      await this.history.record(em, ctx, { subjectType: HistorySubject.PROGRESS_REPORT, subjectId: report.id, action: 'report.edit', changes });
      await this.audit.record(em, ctx, {
        action: 'progress_report.edit',
        entityType: 'ProgressReport',
        entityId: report.id,
        summary: `edited ${changes.map((c) => c.field).join(', ')}`,
      });
      return report;
    });
  }

  /** DRAFT → SUBMITTED, by an overseer of the project (the Secretariat does not submit for them). */
  submit(ctx: RequestContext, input: ProgressReportRefInput): Promise<ProgressReport> {
    return this.uow.write(async (em) => {
      const report = await this.loadForWrite(em, ctx, input.id);
      if (!(await this.access.isOverseerOf(em, ctx, report.projectId))) throw AppError.forbidden('NOT_OVERSEER', 'Only an overseer of this project may submit its progress report');
      this.assertAllowed('submit', report);
      const missing = missingForSubmit(report);
      if (missing.length) throw AppError.invalidState('REPORT_INCOMPLETE', `Fill in ${missing.join(', ')} before submitting`, { missing });
      report.returnComment = null;
      return this.move(em, ctx, report, 'submit', cleanText(input.note));
    });
  }

  receive(ctx: RequestContext, input: ReceiveProgressReportInput): Promise<ProgressReport> {
    return this.uow.write(async (em) => {
      const report = await this.loadForWrite(em, ctx, input.id);
      this.assertAllowed('receive', report);
      const date = input.dateReceived?.trim() || todayUtc();
      if (!isIsoDate(date)) throw AppError.badInput('REPORT_DATE_INVALID', 'dateReceived must be a date written YYYY-MM-DD', { field: 'dateReceived' });
      if (report.overseerSignatureDate && date < report.overseerSignatureDate) {
        throw AppError.badInput('REPORT_DATE_INVALID', `dateReceived is before the overseer signed (${report.overseerSignatureDate})`, { field: 'dateReceived' });
      }
      report.dateReceivedBySecretariat = date;
      return this.move(em, ctx, report, 'receive', `received ${date}`);
    });
  }

  accept(ctx: RequestContext, input: ProgressReportRefInput): Promise<ProgressReport> {
    return this.uow.write(async (em) => {
      const report = await this.loadForWrite(em, ctx, input.id);
      this.assertAllowed('accept', report);
      return this.move(em, ctx, report, 'accept', cleanText(input.note));
    });
  }

  /** Back to the overseer: DRAFT again, with the comment; the date received is cleared (it will be received again). */
  returnToOverseer(ctx: RequestContext, input: ReturnProgressReportInput): Promise<ProgressReport> {
    return this.uow.write(async (em) => {
      const report = await this.loadForWrite(em, ctx, input.id);
      this.assertAllowed('return', report);
      const comment = cleanText(input.comment);
      if (!comment) throw AppError.badInput('FIELD_REQUIRED', 'Say what the overseer should change', { field: 'comment' });
      report.returnComment = comment;
      report.dateReceivedBySecretariat = null;
      return this.move(em, ctx, report, 'return', comment);
    });
  }

  /**
   * Tabled at a meeting, as a meeting document: the document with the given symbol when it is
   * registered already (it must belong to that meeting), else one registered now through the
   * documents register — under the given symbol, or the next number of the steering group's
   * papers at that meeting. Registering is its own unit of work, before this one: if tabling then
   * fails, the registered paper stays (it is a real paper of the meeting) and tabling can be retried.
   */
  async table(ctx: RequestContext, input: TableProgressReportInput): Promise<ProgressReport> {
    const em = this.uow.manager;
    const report = await this.loadForWrite(em, ctx, input.id);
    this.assertAllowed('table', report);
    const meeting = await this.lookup.meetingByCode(em, input.meetingCode);
    const key = input.documentSymbol ? documentKey(input.documentSymbol, 'documentSymbol') : null;
    let doc = key ? await this.documents.findBySymbol(ctx, key) : null;
    if (doc && doc.meetingId !== meeting.id)
      throw AppError.badInput('REFERENCE_ELSEWHERE', `${doc.symbol} is a paper of another meeting, not ${meeting.code}`, { field: 'documentSymbol' });
    if (!doc) {
      const project = await this.projects.byId(report.projectId, em);
      const group = await this.directory.groupByIdOrFail(em, project.steeringGroupId ?? project.forumId);
      const submitter = report.proposingEconomyCodes[0];
      doc = await this.documents.register(ctx, {
        meetingCode: meeting.code,
        groupCode: group.code,
        symbol: input.documentSymbol ?? null,
        title: `Progress report: ${project.title}`.slice(0, 500),
        type: DocumentType.PROGRESS_REPORT,
        purpose: DocumentPurpose.INFORMATION,
        access: DocumentAccess.PUBLIC,
        language: 'en',
        submittedBy: submitter ? { economyCode: submitter } : null,
      });
    }
    const paper = doc;
    return this.uow.write(async (tx) => {
      const current = await this.loadForWrite(tx, ctx, input.id);
      this.assertAllowed('table', current);
      if (await tx.exists(ProgressReport, { where: { documentId: paper.id, id: Not(current.id) } })) {
        throw AppError.conflict('REPORT_EXISTS', `${paper.symbol} is already another progress report`);
      }
      const before = current.documentSymbol;
      current.tabledAtMeetingId = meeting.id;
      current.documentSymbol = paper.symbol;
      current.documentId = paper.id;
      await this.saveVersioned(tx, current);
      await this.history.record(tx, ctx, {
        subjectType: HistorySubject.PROGRESS_REPORT,
        subjectId: current.id,
        action: 'report.table',
        note: `tabled at ${meeting.code} as ${paper.symbol}`,
        changes: before !== paper.symbol ? [{ field: 'documentSymbol', before, after: paper.symbol }] : [],
      });
      await this.audit.record(tx, ctx, {
        action: 'progress_report.table',
        entityType: 'ProgressReport',
        entityId: current.id,
        summary: `tabled at ${meeting.code} as ${paper.symbol}`,
      });
      return current;
    });
  }

  /** The effect of an approved REPORT_ENDORSEMENT that names this report (inside the approval's transaction). */
  async applyEndorsement(em: EntityManager, ctx: RequestContext, reportId: string, endorsedOn: string, note: string): Promise<void> {
    const report = await em.findOne(ProgressReport, { where: { id: reportId } });
    if (!report) throw AppError.notFound('REPORT_NOT_FOUND', 'Progress report', reportId);
    report.endorsedOn = endorsedOn;
    await this.saveVersioned(em, report);
    await this.history.record(em, ctx, { subjectType: HistorySubject.PROGRESS_REPORT, subjectId: report.id, action: 'report.endorse', note });
  }

  /** The project's reports in period order (drafts included; callers filter what they show). */
  async inPeriodOrder(ctx: RequestContext, projectId: string): Promise<ProgressReport[]> {
    const reports = await this.loaders.reportsOfProject(ctx, projectId);
    const meetings = await Promise.all(reports.map((r) => this.meetings.meeting(ctx, r.meetingId)));
    const period = (i: number) => ({ meetingNumber: meetings[i]?.number ?? null, meetingStartDate: meetings[i]?.startDate ?? null, createdAt: reports[i].createdAt.getTime() });
    return reports
      .map((r, i) => ({ r, p: period(i) }))
      .sort((a, b) => comparePeriods(a.p, b.p))
      .map((x) => x.r);
  }

  /** The project's latest report before this one's period that left draft. */
  async previous(ctx: RequestContext, report: ProgressReport): Promise<ProgressReport | null> {
    const ordered = await this.inPeriodOrder(ctx, report.projectId);
    const index = ordered.findIndex((r) => r.id === report.id);
    return (
      ordered
        .slice(0, index)
        .reverse()
        .find((r) => r.status !== ProgressReportStatus.DRAFT) ?? null
    );
  }

  /** For a draft: the fields copied from the previous report that still say the same. */
  async carriedOver(ctx: RequestContext, report: ProgressReport): Promise<string[]> {
    if (report.status !== ProgressReportStatus.DRAFT) return [];
    const previous = await this.previous(ctx, report);
    return previous ? stillCarriedOver(previous, report) : [];
  }

  /**
   * The report a project owes next (projects APPROVED or IN_PROGRESS): for the first meeting of
   * its forum not yet held nor started, due REPORT_DUE_DAYS_BEFORE_MEETING days before it starts.
   */
  async nextDue(ctx: RequestContext, project: Project, asOfInput: string | null): Promise<ReportDueRow | null> {
    if (project.status !== ProjectStatus.IN_PROGRESS && project.status !== ProjectStatus.APPROVED) return null;
    const asOf = asOfInput?.trim() || todayUtc();
    if (!isIsoDate(asOf)) throw AppError.badInput('DATE_MALFORMED', 'asOf must be a date written YYYY-MM-DD', { field: 'asOf' });
    const candidates = await this.meetings.meetingsOfGroup(ctx, project.forumId);
    const meeting = upcomingReportMeeting(
      candidates.map((m) => ({ meeting: m, id: m.id, number: m.number ?? null, startDate: m.startDate ?? null, held: m.status === MeetingStatus.HELD })),
      asOf,
    )?.meeting;
    if (!meeting) return null;
    const report = (await this.loaders.reportsOfProject(ctx, project.id)).find((r) => r.meetingId === meeting.id) ?? null;
    const visible = report && (await this.access.maySeeReport(ctx, report)) ? report : null;
    return { meeting, ...daysUntilDue(meeting.startDate ?? null, this.config.projects.reportDueDaysBeforeMeeting, asOf), report: visible };
  }

  async changesSincePrevious(ctx: RequestContext, report: ProgressReport): Promise<FieldChange[]> {
    const previous = await this.previous(ctx, report);
    return previous ? diffReports(previous, report) : [];
  }

  /** Reports in these statuses (the Secretariat's worklist): by status in the order given, then the meeting's start and the project's title. */
  async inStatus(ctx: RequestContext, statuses: ProgressReportStatus[]): Promise<ProgressReport[]> {
    const em = this.uow.manager;
    const reports = await em.find(ProgressReport, { where: { status: In(statuses) } });
    if (!reports.length) return [];
    const projects = await em.find(Project, { where: { id: In([...new Set(reports.map((r) => r.projectId))]) } });
    const meetings = await Promise.all([...new Set(reports.map((r) => r.meetingId))].map((id) => this.meetings.meeting(ctx, id)));
    const title = (r: ProgressReport) => projects.find((p) => p.id === r.projectId)?.title ?? '';
    const start = (r: ProgressReport) => meetings.find((m) => m?.id === r.meetingId)?.startDate ?? '9999';
    return reports.sort(
      (a, b) => statuses.indexOf(a.status) - statuses.indexOf(b.status) || start(a).localeCompare(start(b)) || title(a).localeCompare(title(b)) || a.id.localeCompare(b.id),
    );
  }

  /**
   * Projects IN_PROGRESS that owe a report for the next meeting of their forum with a start date,
   * REPORT_DUE_DAYS_BEFORE_MEETING days before it starts, and have not submitted one.
   */
  async overdue(asOfInput: string | null): Promise<OverdueReportRow[]> {
    const asOf = asOfInput?.trim() || todayUtc();
    if (!isIsoDate(asOf)) throw AppError.badInput('DATE_MALFORMED', 'asOf must be a date written YYYY-MM-DD', { field: 'asOf' });
    const em = this.uow.manager;
    const running = await em.find(Project, { where: { status: ProjectStatus.IN_PROGRESS }, order: { title: 'ASC' } });
    const rows: OverdueReportRow[] = [];
    for (const forumId of [...new Set(running.map((p) => p.forumId))]) {
      const candidates = await this.directory.upcomingMeetingsOfGroup(em, forumId);
      const next = nextDueMeeting(
        candidates.map((m) => ({ id: m.id, startDate: m.startDate! })),
        asOf,
      );
      const projects = running.filter((p) => p.forumId === forumId);
      const reports = next ? await em.find(ProgressReport, { where: { meetingId: next.id, projectId: In(projects.map((p) => p.id)) } }) : [];
      for (const entry of overdueReports({ asOf, daysBefore: this.config.projects.reportDueDaysBeforeMeeting, meeting: next, projects, reports })) {
        rows.push({
          project: projects.find((p) => p.id === entry.projectId)!,
          meeting: candidates.find((m) => m.id === entry.meetingId)!,
          dueOn: entry.dueOn,
          daysOverdue: entry.daysOverdue,
        });
      }
    }
    return rows.sort((a, b) => b.daysOverdue - a.daysOverdue || a.project.title.localeCompare(b.project.title));
  }

  /** The reports for a meeting that the caller may see (drafts: the project's overseers and the Secretariat), by project title. */
  async ofMeeting(ctx: RequestContext, meetingId: string): Promise<ProgressReport[]> {
    const reports = await this.uow.manager.find(ProgressReport, { where: { meetingId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const visible = await Promise.all(reports.map((r) => this.access.maySeeReport(ctx, r)));
    return reports.filter((_, i) => visible[i]);
  }

  /**
   * The report deadlines of the projects an account oversees: for each project IN_PROGRESS, one
   * per meeting of its forum that has a start date and is not yet held, due
   * REPORT_DUE_DAYS_BEFORE_MEETING days before it starts (reportDueOn, the rule `overdueReports`
   * uses). A meeting without dates gives no deadline. `filed` says a report for it was submitted.
   */
  async deadlinesOf(userId: string): Promise<ReportDeadlineRow[]> {
    const em = this.uow.manager;
    const links = await em.find(ProjectOverseerAccount, { where: { userId } });
    if (!links.length) return [];
    const projects = await em.find(Project, { where: { id: In(links.map((l) => l.projectId)), status: ProjectStatus.IN_PROGRESS }, order: { title: 'ASC' } });
    if (!projects.length) return [];
    const meetings = await this.directory.upcomingMeetingsOfGroups(
      em,
      projects.map((p) => p.forumId),
    );
    const reports = meetings.length ? await em.find(ProgressReport, { where: { projectId: In(projects.map((p) => p.id)), meetingId: In(meetings.map((m) => m.id)) } }) : [];
    const daysBefore = this.config.projects.reportDueDaysBeforeMeeting;
    return projects.flatMap((project) =>
      meetings
        .filter((m) => m.groupId === project.forumId)
        .map((meeting) => {
          const report = reports.find((r) => r.projectId === project.id && r.meetingId === meeting.id) ?? null;
          return { project, meeting, dueOn: reportDueOn(meeting.startDate!, daysBefore), report, filed: !!report && COUNTS_AS_FILED.has(report.status) };
        }),
    );
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Inside a write: the project's latest report that left draft, for a period before `meeting`. */
  private async previousFiled(em: EntityManager, ctx: RequestContext, projectId: string, meeting: Meeting): Promise<ProgressReport | null> {
    const filed = await em.find(ProgressReport, { where: { projectId, status: Not(ProgressReportStatus.DRAFT) } });
    const meetings = (await Promise.all(filed.map((r) => this.meetings.meeting(ctx, r.meetingId)))).filter((m): m is Meeting => m !== null);
    const period = (m: Meeting | undefined, createdAt: number) => ({ meetingNumber: m?.number ?? null, meetingStartDate: m?.startDate ?? null, createdAt });
    const target = period(meeting, Date.now());
    const earlier = filed
      .map((r) => ({
        r,
        p: period(
          meetings.find((m) => m.id === r.meetingId),
          r.createdAt.getTime(),
        ),
      }))
      .filter((x) => comparePeriods(x.p, target) < 0)
      .sort((a, b) => comparePeriods(a.p, b.p));
    return earlier.at(-1)?.r ?? null;
  }

  /** Loads a report for a change; a draft the caller may not see is NOT_FOUND. */
  private async loadForWrite(em: EntityManager, ctx: RequestContext, id: string): Promise<ProgressReport> {
    const report = isUuid(id) ? await em.findOne(ProgressReport, { where: { id } }) : null;
    if (!report) throw AppError.notFound('REPORT_NOT_FOUND', 'Progress report', id);
    if (
      report.status === ProgressReportStatus.DRAFT &&
      !this.access.isSystem(ctx) &&
      !this.access.isSecretariat(ctx) &&
      !(await this.access.isOverseerOf(em, ctx, report.projectId))
    ) {
      throw AppError.notFound('REPORT_NOT_FOUND', 'Progress report', id);
    }
    return report;
  }

  private assertAllowed(action: ReportAction, report: ProgressReport): void {
    if (!reportActionAllowed(action, report.status))
      throw AppError.invalidState('REPORT_NOT_DRAFT', `A ${report.status} report cannot be ${PAST[action]}`, { status: report.status });
  }

  private async move(em: EntityManager, ctx: RequestContext, report: ProgressReport, action: ReportAction, note: string | null): Promise<ProgressReport> {
    const from = report.status;
    report.status = REPORT_STATUS_AFTER[action]!;
    await this.saveVersioned(em, report);
    await this.history.record(em, ctx, { subjectType: HistorySubject.PROGRESS_REPORT, subjectId: report.id, action: `report.${action}`, from, to: report.status, note });
    await this.audit.record(em, ctx, {
      action: `progress_report.${action}`,
      entityType: 'ProgressReport',
      entityId: report.id,
      summary: `progress report ${from} → ${report.status}`,
    });
    await this.announce(em, ctx, report, action, note);
    return report;
  }

  /**
   * Tells the people concerned, in the same transaction: a submitted report → the secretariat;
   * received, accepted or returned (with the comment) → the project's overseers.
   */
  private async announce(em: EntityManager, ctx: RequestContext, report: ProgressReport, action: ReportAction, note: string | null): Promise<void> {
    if (action !== 'submit' && action !== 'receive' && action !== 'accept' && action !== 'return') return;
    const project = await em.findOneOrFail(Project, { where: { id: report.projectId } });
    const meeting = await this.meetings.meeting(ctx, report.meetingId);
    const what = `the ${meeting?.code ?? ''} progress report of "${project.title}"`.replace('the  ', 'the ');
    const path = `/projects/${project.id}`;
    if (action === 'submit') {
      await this.notifier.notify(em, {
        kind: NotificationKind.REPORT_SUBMITTED,
        recipients: { roles: [Role.SECRETARIAT] },
        title: `Progress report submitted: ${project.title}`,
        body: [`${ctx.actor?.email ?? 'An overseer'} submitted ${what}.`, ...(note ? [`Note: ${note}`] : []), 'Receive it, then accept it or return it with a comment.'],
        path,
      });
      return;
    }
    const overseers = await this.access.overseerUserIds(em, project.id);
    const verb = action === 'receive' ? 'received' : action === 'accept' ? 'accepted' : 'returned';
    await this.notifier.notify(em, {
      kind: NotificationKind.REPORT_HANDLED,
      recipients: { userIds: overseers },
      title: `Progress report ${verb}: ${project.title}`,
      body: [
        `The secretariat ${verb} ${what}${action === 'receive' && report.dateReceivedBySecretariat ? ` on ${report.dateReceivedBySecretariat}` : ''}.`,
        ...(action === 'return' ? [`Their comment: ${report.returnComment ?? ''}`, 'The report is a draft again: change it and submit it once more.'] : []),
        ...(action === 'accept' && note ? [`Note: ${note}`] : []),
      ],
      path,
    });
  }

  /** Writes the report only if nobody changed it since it was read (its version), raising the version. */
  private async saveVersioned(em: EntityManager, report: ProgressReport): Promise<void> {
    const values: Record<string, unknown> = { version: report.version + 1, status: report.status };
    for (const key of REPORT_FORM_KEYS) values[key] = report[key];
    for (const key of ['dateReceivedBySecretariat', 'returnComment', 'tabledAtMeetingId', 'documentSymbol', 'documentId', 'endorsedOn'] as const) values[key] = report[key];
    const result = await em.update(ProgressReport, { id: report.id, version: report.version }, values);
    if (result.affected !== 1) throw AppError.conflict('CONCURRENT_UPDATE', 'The report was changed by someone else at the same time; read it again');
    report.version += 1;
  }

  /** The header of a new draft, copied from the register. */
  private async formFromRegister(em: EntityManager, project: Project): Promise<Partial<ProgressReport>> {
    const links = await em.find(ProjectEconomy, { where: { projectId: project.id }, order: { position: 'ASC' } });
    const economies = await this.directory.economiesByIds(
      em,
      links.map((l) => l.economyId),
    );
    const codes = (role: EconomyRole) => links.filter((l) => l.role === role).map((l) => economies.get(l.economyId)!.code);
    const group = await this.directory.groupById(em, project.steeringGroupId ?? project.forumId);
    const overseer = project.overseerPersonId ? await this.directory.personById(em, project.overseerPersonId) : null;
    const organization = overseer?.organizationId ? await this.directory.organizationById(em, overseer.organizationId) : null;
    return {
      fundingAccount: project.fundingAccount,
      projectNumber: project.number,
      committeeName: group?.name ?? null,
      projectTitle: project.title,
      proposingEconomyCodes: codes(EconomyRole.PROPOSING),
      coSponsoringEconomyCodes: codes(EconomyRole.CO_SPONSORING),
      overseerName: overseer?.name ?? null,
      overseerTitle: overseer?.title ?? null,
      overseerOrganization: organization?.name ?? null,
      overseerSex: null,
      overseerPostalAddress: project.overseerPostalAddress,
      overseerPhone: project.overseerPhone,
      overseerFax: project.overseerFax,
      overseerEmail: project.overseerEmail ?? overseer?.email ?? null,
      totalCostAmount: project.totalCostAmount,
      totalCostQualifier: project.totalCostQualifier,
      apecFundingAmount: project.apecFundingAmount,
      apecFundingQualifier: project.apecFundingQualifier,
      projectType: project.projectType,
      projectTypeOther: project.projectTypeOther,
      startDate: project.startDate,
      endDate: project.endDate,
      description: project.description,
    };
  }

  private async applyFields(em: EntityManager, report: ProgressReport, input: ProgressReportFieldsInput): Promise<void> {
    const textFields = [
      'committeeName',
      'projectTitle',
      'overseerName',
      'overseerTitle',
      'overseerOrganization',
      'projectTypeOther',
      'description',
      'objectivesResults',
      'linkagesMethodologyBudget',
      'genderImpactOnWomen',
      'genderWomenConsulted',
      'genderSexDisaggregatedData',
      'progressSinceLastReport',
      'overseerSignatureName',
    ] as const;
    for (const key of textFields) if (input[key] !== undefined) report[key] = cleanText(input[key]);
    for (const key of ['fundingAccount', 'overseerSex', 'projectType', 'onSchedule', 'withinBudget'] as const) {
      if (input[key] !== undefined) (report as unknown as Record<string, unknown>)[key] = input[key];
    }
    if (input.projectNumber !== undefined) {
      const raw = cleanText(input.projectNumber);
      // The form is the overseer's statement: keep what they wrote, canonical when it reads as a number.
      report.projectNumber = raw ? (canonicalProjectNumber(raw) ?? raw) : null;
    }
    for (const key of ['proposingEconomyCodes', 'coSponsoringEconomyCodes'] as const) {
      if (input[key] === undefined) continue;
      const codes = [...new Set((input[key] ?? []).map((c) => c.trim().toUpperCase()))];
      for (const code of codes) await this.lookup.economyByCode(em, code);
      report[key] = codes;
    }
    if (input.overseerContact !== undefined) {
      const c = input.overseerContact;
      report.overseerPostalAddress = cleanText(c?.postalAddress);
      report.overseerPhone = cleanText(c?.phone);
      report.overseerFax = cleanText(c?.fax);
      report.overseerEmail = cleanText(c?.email)?.toLowerCase() ?? null;
    }
    if (input.totalCost !== undefined) {
      const m = moneyColumns(input.totalCost, 'totalCost');
      report.totalCostAmount = m.amount;
      report.totalCostQualifier = m.qualifier;
    }
    if (input.apecFundingSought !== undefined) {
      const m = moneyColumns(input.apecFundingSought, 'apecFundingSought');
      report.apecFundingAmount = m.amount;
      report.apecFundingQualifier = m.qualifier;
    }
    if (input.startDate !== undefined) report.startDate = partialDateInput(input.startDate, 'startDate');
    if (input.endDate !== undefined) report.endDate = partialDateInput(input.endDate, 'endDate');
    if (report.startDate && report.endDate && !partialDatesInOrder(report.startDate, report.endDate))
      throw AppError.badInput('DATE_ORDER', 'endDate is before startDate', { field: 'endDate' });
    if (input.overseerSignatureDate !== undefined) {
      const date = cleanText(input.overseerSignatureDate);
      if (date && !isIsoDate(date)) throw AppError.badInput('DATE_MALFORMED', 'overseerSignatureDate must be a date written YYYY-MM-DD', { field: 'overseerSignatureDate' });
      report.overseerSignatureDate = date;
    }
  }

  // ---- reads for other libraries -------------------------------------------------------------

  /** The report with this id, or null (an id that is no uuid names none). No access check: the caller decides. */
  findById(em: EntityManager, id: string): Promise<ProgressReport | null> {
    return isUuid(id) ? em.findOne(ProgressReport, { where: { id } }) : Promise.resolve(null);
  }
}
