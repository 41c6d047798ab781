import { Injectable } from '@nestjs/common';
import { RequestContext, UnitOfWork } from '@tel/core';
import { APPROVAL_KIND_LABELS, ApprovalBoardService, DECISION_MODE_LABELS } from '@tel/approvals';
import { DOCUMENT_ACCESS_LABELS, DOCUMENT_STATUS_LABELS, DocumentsLoaders, DocumentVisibility } from '@tel/documents';
import { LookupService, Meeting, MeetingsLoaders } from '@tel/meetings';
import {
  EconomyRole,
  FORM_ANSWER_LABELS,
  formatMoney,
  FUNDING_ACCOUNT_LABELS,
  moneyFromColumns,
  PROGRESS_REPORT_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  ProgressReportsService,
  ProjectsLoaders,
  ProjectsService,
} from '@tel/projects';
import { csvDate, CsvColumn, labelled, toCsv } from './csv';

export interface CsvText {
  text: string;
  rows: number;
  lastModified: Date | null;
}

/** No meeting has this many documents; the list is one batch, not pages. */
const ALL = { offset: 0, limit: 100_000 };

function newest(dates: Date[]): Date | null {
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}

/**
 * The CSV exports. Every row comes from the owning library's service, with the caller's context:
 * a restricted paper is not a row for a caller who may not read it, and free text that quotes one
 * is redacted, exactly as in GraphQL (DocumentVisibility).
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly meetings: MeetingsLoaders,
    private readonly documents: DocumentsLoaders,
    private readonly visibility: DocumentVisibility,
    private readonly projects: ProjectsService,
    private readonly projectsLoaders: ProjectsLoaders,
    private readonly reports: ProgressReportsService,
    private readonly board: ApprovalBoardService,
  ) {}

  meeting(code: string): Promise<Meeting> {
    return this.lookup.meetingByCode(this.uow.manager, code);
  }

  /** A meeting's documents as APEC lists them: symbol, title, submitted by, group, agenda item, access, revisions. */
  async meetingDocuments(ctx: RequestContext, meeting: Meeting): Promise<CsvText> {
    const page = await this.documents.ofMeeting(ctx, meeting.id, ALL);
    const rows = await Promise.all(
      page.nodes.map(async (d) => {
        const [economy, organization, group, item, revisions, title] = await Promise.all([
          this.meetings.economy(ctx, d.submittedByEconomyId),
          this.meetings.organization(ctx, d.submittedByOrganizationId),
          this.meetings.group(ctx, d.groupId),
          this.meetings.agendaItem(ctx, d.agendaItemId),
          this.documents.revisionsOf(ctx, d.id),
          this.visibility.redact(ctx, d.title),
        ]);
        return {
          symbol: d.symbol,
          title,
          submittedBy: economy?.name ?? organization?.name ?? null,
          group: group?.code ?? null,
          agendaItem: item ? `${item.number} ${await this.visibility.redact(ctx, item.title)}` : null,
          access: d.access,
          status: d.status,
          revisions: [...revisions]
            .reverse()
            .map((r) => `Rev.${r.number}`)
            .join(', '),
          updatedAt: newest([d.updatedAt, ...revisions.map((r) => r.updatedAt)])!,
        };
      }),
    );
    type Row = (typeof rows)[number];
    const columns: CsvColumn<Row>[] = [
      { header: 'Symbol', value: (r) => r.symbol },
      { header: 'Title', value: (r) => r.title },
      { header: 'Submitted by', value: (r) => r.submittedBy },
      { header: 'Group', value: (r) => r.group },
      { header: 'Agenda item', value: (r) => r.agendaItem },
      { header: 'Access', value: (r) => labelled(DOCUMENT_ACCESS_LABELS, r.access) },
      { header: 'Status', value: (r) => labelled(DOCUMENT_STATUS_LABELS, r.status) },
      { header: 'Revisions', value: (r) => r.revisions },
    ];
    return { text: toCsv(columns, rows), rows: rows.length, lastModified: newest(rows.map((r) => r.updatedAt)) };
  }

  /** The project register (public), by title. */
  async projectRegister(ctx: RequestContext): Promise<CsvText> {
    const projects = await this.projects.register();
    const rows = await Promise.all(
      projects.map(async (p) => {
        const [forum, steeringGroup, links, overseer, completion, title] = await Promise.all([
          this.meetings.group(ctx, p.forumId),
          this.meetings.group(ctx, p.steeringGroupId),
          this.projectsLoaders.economiesOfProject(ctx, p.id),
          this.meetings.person(ctx, p.overseerPersonId),
          this.meetings.meeting(ctx, p.completionMeetingId),
          this.visibility.redact(ctx, p.title),
        ]);
        const economies = await Promise.all(links.map(async (l) => ({ role: l.role, code: (await this.meetings.economy(ctx, l.economyId))?.code ?? '' })));
        const codes = (role: EconomyRole) =>
          economies
            .filter((e) => e.role === role)
            .map((e) => e.code)
            .join(', ');
        return {
          p,
          title,
          forum: forum?.code,
          steeringGroup: steeringGroup?.code,
          proposing: codes(EconomyRole.PROPOSING),
          cosponsoring: codes(EconomyRole.CO_SPONSORING),
          overseer,
          completion,
        };
      }),
    );
    type Row = (typeof rows)[number];
    const columns: CsvColumn<Row>[] = [
      { header: 'Project number', value: (r) => r.p.number },
      { header: 'Title', value: (r) => r.title },
      { header: 'Status', value: (r) => labelled(PROJECT_STATUS_LABELS, r.p.status) },
      { header: 'Forum', value: (r) => r.forum },
      { header: 'Steering group', value: (r) => r.steeringGroup },
      { header: 'Proposing economies', value: (r) => r.proposing },
      { header: 'Co-sponsoring economies', value: (r) => r.cosponsoring },
      { header: 'Project overseer', value: (r) => r.overseer?.name },
      { header: 'Funding account', value: (r) => labelled(FUNDING_ACCOUNT_LABELS, r.p.fundingAccount) },
      { header: 'Total cost', value: (r) => formatMoney(moneyFromColumns(r.p.totalCostAmount, r.p.totalCostQualifier)) },
      { header: 'APEC funding', value: (r) => formatMoney(moneyFromColumns(r.p.apecFundingAmount, r.p.apecFundingQualifier)) },
      { header: 'Start', value: (r) => csvDate(r.p.startDate) },
      { header: 'End', value: (r) => csvDate(r.p.endDate) },
      { header: 'Completion meeting', value: (r) => r.completion?.code },
    ];
    return { text: toCsv(columns, rows), rows: rows.length, lastModified: newest(projects.map((p) => p.updatedAt)) };
  }

  /** The approvals board: one row per waiting request, by body, longest waiting first. */
  async approvalsBoard(ctx: RequestContext, asOf: string | null): Promise<CsvText> {
    const board = await this.board.board(asOf);
    const rows = await Promise.all(
      board.flatMap((column) =>
        column.entries.map(async (entry) => {
          const [project, subject, symbol] = await Promise.all([
            this.projectsLoaders.project(ctx, entry.request.projectId),
            this.visibility.redact(ctx, entry.request.subject),
            this.visibility.canSeeSymbol(ctx, entry.request.documentSymbol).then((visible) => (visible ? entry.request.documentSymbol : null)),
          ]);
          return { column, entry, project, subject, symbol, projectTitle: project ? await this.visibility.redact(ctx, project.title) : null };
        }),
      ),
    );
    type Row = (typeof rows)[number];
    const columns: CsvColumn<Row>[] = [
      { header: 'Waiting on', value: (r) => r.column.body.code },
      { header: 'Next meeting', value: (r) => r.entry.nextMeeting?.code },
      { header: 'Decision', value: (r) => labelled(DECISION_MODE_LABELS, r.entry.step.mode) },
      { header: 'Request', value: (r) => labelled(APPROVAL_KIND_LABELS, r.entry.request.kind) },
      { header: 'Subject', value: (r) => r.subject },
      { header: 'Project', value: (r) => r.projectTitle },
      { header: 'Document', value: (r) => r.symbol },
      { header: 'Filed on', value: (r) => csvDate(r.entry.request.filedOn) },
      { header: 'Waiting since', value: (r) => csvDate(r.entry.waitingSince) },
      { header: 'Days waiting', value: (r) => r.entry.daysWaiting },
    ];
    return { text: toCsv(columns, rows), rows: rows.length, lastModified: newest(rows.map((r) => r.entry.request.updatedAt)) };
  }

  /** The progress reports for a meeting that the caller may see (drafts only for the project's overseers and the Secretariat). */
  async meetingReports(ctx: RequestContext, meeting: Meeting): Promise<CsvText> {
    const reports = await this.reports.ofMeeting(ctx, meeting.id);
    const rows = await Promise.all(
      reports.map(async (r) => {
        const project = await this.projectsLoaders.project(ctx, r.projectId);
        return {
          r,
          projectNumber: project?.number ?? r.projectNumber,
          title: await this.visibility.redact(ctx, project?.title ?? r.projectTitle),
          overseer: await this.visibility.redact(ctx, r.overseerName),
          symbol: (await this.visibility.canSeeSymbol(ctx, r.documentSymbol)) ? r.documentSymbol : null,
        };
      }),
    );
    rows.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
    type Row = (typeof rows)[number];
    const columns: CsvColumn<Row>[] = [
      { header: 'Project number', value: (x) => x.projectNumber },
      { header: 'Project', value: (x) => x.title },
      { header: 'Status', value: (x) => labelled(PROGRESS_REPORT_STATUS_LABELS, x.r.status) },
      { header: 'On schedule', value: (x) => labelled(FORM_ANSWER_LABELS, x.r.onSchedule) },
      { header: 'Within budget', value: (x) => labelled(FORM_ANSWER_LABELS, x.r.withinBudget) },
      { header: 'Overseer', value: (x) => x.overseer },
      { header: 'Signed', value: (x) => csvDate(x.r.overseerSignatureDate) },
      { header: 'Received by the Secretariat', value: (x) => csvDate(x.r.dateReceivedBySecretariat) },
      { header: 'Document', value: (x) => x.symbol },
      { header: 'Endorsed on', value: (x) => csvDate(x.r.endorsedOn) },
    ];
    return { text: toCsv(columns, rows), rows: rows.length, lastModified: newest(reports.map((r) => r.updatedAt)) };
  }
}
