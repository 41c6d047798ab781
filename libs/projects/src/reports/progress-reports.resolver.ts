import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Public, RequestContext, Role, SecretariatOnly, SignedIn } from '@tel/core';
import { Document, DocumentVisibility } from '@tel/documents';
import { Economy, Meeting, MeetingsLoaders } from '@tel/meetings';
import { FieldChange, HistoryEvent, HistorySubject } from '../history/history-event.entity';
import { HistoryService } from '../history/history.service';
import { Project } from '../projects/project.entity';
import { moneyFromColumns } from '../shared/money';
import { partialDate } from '../shared/partial-date';
import { ProjectsLoaders } from '../shared/projects.loaders';
import { ContactDetails, Money, PartialDate, toMoney } from '../shared/value-types';
import { ProgressReport } from './progress-report.entity';
import {
  DraftProgressReportInput,
  ProgressReportRefInput,
  ReceiveProgressReportInput,
  ReturnProgressReportInput,
  TableProgressReportInput,
  UpdateProgressReportInput,
} from './progress-report.inputs';
import { ProgressReportStatus } from './progress-report.rules';
import { ProgressReportsService } from './progress-reports.service';

@ObjectType({ description: 'A project in progress that owes a progress report for the next meeting.' })
export class OverdueReport {
  @Field(() => Project)
  project: Project;

  @Field(() => Meeting, { description: 'The meeting the report is due for.' })
  meeting: Meeting;

  @Field({ description: 'YYYY-MM-DD: REPORT_DUE_DAYS_BEFORE_MEETING days before the meeting starts.' })
  dueOn: string;

  @Field(() => Int)
  daysOverdue: number;
}

@ObjectType({ description: 'The progress report a project owes next.' })
export class ReportDue {
  @Field(() => Meeting, { description: 'The meeting it is for (the reporting period), e.g. TEL38.' })
  meeting: Meeting;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: REPORT_DUE_DAYS_BEFORE_MEETING days before the meeting starts; null while the meeting has no date.' })
  dueOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from today (or asOf) to dueOn: negative once overdue; null without a due date.' })
  daysLeft: number | null;

  @Field(() => ProgressReport, { nullable: true, description: 'The report for that meeting once started (a draft only for its overseers and the Secretariat).' })
  report: ProgressReport | null;
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  constructor(
    private readonly reports: ProgressReportsService,
    private readonly loaders: ProjectsLoaders,
    private readonly meetings: MeetingsLoaders,
    private readonly historyService: HistoryService,
    private readonly visibility: DocumentVisibility,
  ) {}

  @Public()
  @Query(() => ProgressReport, { description: "A progress report; a draft only for its project's overseers and the Secretariat." })
  progressReport(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ProgressReport> {
    return this.reports.byId(ctx, id);
  }

  @SecretariatOnly()
  @Query(() => [ProgressReport], {
    description:
      'Progress reports in the given statuses — by default those waiting on the Secretariat (SUBMITTED to receive, RECEIVED to accept) — by status, period and project. The Secretariat only.',
  })
  progressReports(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => [ProgressReportStatus], nullable: true, description: 'Default: SUBMITTED and RECEIVED.' }) status: ProgressReportStatus[] | null,
  ): Promise<ProgressReport[]> {
    return this.reports.inStatus(ctx, status?.length ? status : [ProgressReportStatus.SUBMITTED, ProgressReportStatus.RECEIVED]);
  }

  @SignedIn()
  @Query(() => [OverdueReport], { description: 'Projects in progress whose report for the next TEL meeting is overdue, most overdue first.' })
  overdueReports(@Args('asOf', { type: () => String, nullable: true, description: 'YYYY-MM-DD; today when left out.' }) asOf: string | null): Promise<OverdueReport[]> {
    return this.reports.overdue(asOf);
  }

  @Allow(Role.OVERSEER, Role.SECRETARIAT)
  @Mutation(() => ProgressReport, { description: 'Starts the report for a period, its header copied from the register. An overseer of the project or the Secretariat.' })
  draftProgressReport(@Ctx() ctx: RequestContext, @Args('input') input: DraftProgressReportInput): Promise<ProgressReport> {
    return this.reports.draft(ctx, input);
  }

  @Allow(Role.OVERSEER, Role.SECRETARIAT)
  @Mutation(() => ProgressReport, { description: 'Edits a draft.' })
  updateProgressReport(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProgressReportInput): Promise<ProgressReport> {
    return this.reports.update(ctx, input);
  }

  @Allow(Role.OVERSEER)
  @Mutation(() => ProgressReport, { description: 'DRAFT → SUBMITTED, by an overseer of the project.' })
  submitProgressReport(@Ctx() ctx: RequestContext, @Args('input') input: ProgressReportRefInput): Promise<ProgressReport> {
    return this.reports.submit(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => ProgressReport, { description: 'SUBMITTED → RECEIVED, stamping the date received.' })
  receiveProgressReport(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveProgressReportInput): Promise<ProgressReport> {
    return this.reports.receive(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => ProgressReport, { description: 'RECEIVED → ACCEPTED.' })
  acceptProgressReport(@Ctx() ctx: RequestContext, @Args('input') input: ProgressReportRefInput): Promise<ProgressReport> {
    return this.reports.accept(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => ProgressReport, { description: 'Back to the overseer as a DRAFT, with a comment.' })
  returnProgressReport(@Ctx() ctx: RequestContext, @Args('input') input: ReturnProgressReportInput): Promise<ProgressReport> {
    return this.reports.returnToOverseer(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => ProgressReport, { description: 'Records where the report was tabled and its symbol as a meeting document.' })
  tableProgressReport(@Ctx() ctx: RequestContext, @Args('input') input: TableProgressReportInput): Promise<ProgressReport> {
    return this.reports.table(ctx, input);
  }

  @ResolveField(() => Project)
  project(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<Project | null> {
    return this.loaders.project(ctx, r.projectId);
  }

  @ResolveField(() => Meeting, { description: 'The reporting period: the TEL meeting the report is for.' })
  meeting(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.meetings.meeting(ctx, r.meetingId);
  }

  @ResolveField(() => String, { description: 'The period as a label: the meeting code, e.g. TEL37.' })
  async period(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.meetings.meeting(ctx, r.meetingId))?.code ?? '';
  }

  @ResolveField(() => [Economy])
  proposingEconomies(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<Economy[]> {
    return this.economies(ctx, r.proposingEconomyCodes);
  }

  @ResolveField(() => [Economy])
  coSponsoringEconomies(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<Economy[]> {
    return this.economies(ctx, r.coSponsoringEconomyCodes);
  }

  @ResolveField(() => ContactDetails)
  overseerContact(@Parent() r: ProgressReport): ContactDetails {
    return { postalAddress: r.overseerPostalAddress, phone: r.overseerPhone, fax: r.overseerFax, email: r.overseerEmail };
  }

  @ResolveField(() => Money, { nullable: true, description: 'Total cost of the proposal (US$).' })
  totalCost(@Parent() r: ProgressReport): Money | null {
    return toMoney(moneyFromColumns(r.totalCostAmount, r.totalCostQualifier));
  }

  @ResolveField(() => Money, { nullable: true, description: 'Amount sought from the APEC central fund (US$).' })
  apecFundingSought(@Parent() r: ProgressReport): Money | null {
    return toMoney(moneyFromColumns(r.apecFundingAmount, r.apecFundingQualifier));
  }

  @ResolveField(() => PartialDate, { nullable: true })
  startDate(@Parent() r: ProgressReport): PartialDate | null {
    return partialDate(r.startDate);
  }

  @ResolveField(() => PartialDate, { nullable: true })
  endDate(@Parent() r: ProgressReport): PartialDate | null {
    return partialDate(r.endDate);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'Where it was tabled.' })
  tabledAtMeeting(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.meetings.meeting(ctx, r.tabledAtMeetingId);
  }

  @ResolveField(() => Document, { nullable: true, description: 'The meeting document it was tabled as.' })
  async document(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<Document | null> {
    return this.visibility.linked(ctx, r.documentId, r.documentSymbol);
  }

  @ResolveField(() => ProgressReport, { nullable: true, description: "The project's latest earlier report that left draft." })
  previousReport(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<ProgressReport | null> {
    return this.reports.previous(ctx, r);
  }

  @ResolveField(() => [String], {
    description:
      "For a draft: the fields carried over from the previous report (the overseer's answers copied when the draft began) that still say the same. Empty once submitted.",
  })
  carriedOver(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<string[]> {
    return this.reports.carriedOver(ctx, r);
  }

  @ResolveField(() => [FieldChange], { description: 'Field by field, what differs from the previous report (empty for the first).' })
  changesSincePrevious(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<FieldChange[]> {
    return this.reports.changesSincePrevious(ctx, r);
  }

  @ResolveField(() => [HistoryEvent], { description: 'Every change, oldest first.' })
  history(@Parent() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<HistoryEvent[]> {
    return this.historyService.of(ctx, HistorySubject.PROGRESS_REPORT, r.id);
  }

  private async economies(ctx: RequestContext, codes: string[]): Promise<Economy[]> {
    const found = await Promise.all(codes.map((c) => this.loaders.economyByCode(ctx, c)));
    return found.filter((e): e is Economy => e !== null);
  }
}
