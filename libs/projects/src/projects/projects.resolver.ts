import { Args, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Connection, Ctx, PageArgs, Public, RequestContext, Role, SecretariatOnly } from '@tel/core';
import { AgendaItem, Economy, Group, Meeting, MeetingsLoaders, Person } from '@tel/meetings';
import { User } from '@tel/auth';
import { Document, DocumentVisibility } from '@tel/documents';
import { ProjectAccess } from '../access/project-access';
import { HistoryEvent, HistorySubject } from '../history/history-event.entity';
import { HistoryService } from '../history/history.service';
import { ProgressReport } from '../reports/progress-report.entity';
import { ReportDue } from '../reports/progress-reports.resolver';
import { ProgressReportsService } from '../reports/progress-reports.service';
import { moneyFromColumns } from '../shared/money';
import { partialDate } from '../shared/partial-date';
import { ProjectsLoaders } from '../shared/projects.loaders';
import { ContactDetails, Money, PartialDate, toMoney } from '../shared/value-types';
import { Project } from './project.entity';
import { EconomyRole } from './project.enums';
import { ProjectDocument } from './project-document.entity';
import { ChangeProjectStatusInput, CreateProjectInput, ProjectFilter, UpdateProjectInput } from './project.inputs';
import { ProjectsService } from './projects.service';

@ObjectType()
export class ProjectConnection extends Connection(Project) {}

@Resolver(() => Project)
export class ProjectResolver {
  constructor(
    private readonly projectsService: ProjectsService,
    private readonly loaders: ProjectsLoaders,
    private readonly meetings: MeetingsLoaders,
    private readonly historyService: HistoryService,
    private readonly access: ProjectAccess,
    private readonly reports: ProgressReportsService,
    private readonly visibility: DocumentVisibility,
  ) {}

  @Public()
  @Query(() => Project)
  project(@Args('id', { type: () => ID }) id: string): Promise<Project> {
    return this.projectsService.byId(id);
  }

  @Public()
  @Query(() => Project, { description: 'By APEC project number, written "TEL 01/2007S" or "TEL 01 2007S".' })
  projectByNumber(@Args('number') number: string): Promise<Project> {
    return this.projectsService.byNumber(number);
  }

  @Public()
  @Query(() => ProjectConnection, { description: 'Projects by title.' })
  projects(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ProjectFilter, nullable: true }) filter: ProjectFilter | null,
    @Args() page: PageArgs,
  ): Promise<ProjectConnection> {
    return this.projectsService.list(ctx, filter, page);
  }

  @Allow(Role.OVERSEER)
  @Query(() => [Project], { description: 'The projects the signed-in overseer oversees, by title. Needs the OVERSEER role.' })
  myProjects(@Ctx() ctx: RequestContext): Promise<Project[]> {
    return this.projectsService.overseenBy(ctx);
  }

  @SecretariatOnly()
  @Mutation(() => Project, { description: 'Registers a project (a proposal by default).' })
  createProject(@Ctx() ctx: RequestContext, @Args('input') input: CreateProjectInput): Promise<Project> {
    return this.projectsService.create(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Project, {
    description: 'Changes the register: fields given replace the stored ones (null clears); lists replace the lists. Status changes go through changeProjectStatus.',
  })
  updateProject(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProjectInput): Promise<Project> {
    return this.projectsService.update(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Project, { description: 'PROPOSED → APPROVED → IN_PROGRESS → COMPLETED → CLOSED, or WITHDRAWN before completion.' })
  changeProjectStatus(@Ctx() ctx: RequestContext, @Args('input') input: ChangeProjectStatusInput): Promise<Project> {
    return this.projectsService.changeStatus(ctx, input);
  }

  @ResolveField(() => Group, { description: 'The forum (committee or working group), e.g. TEL.' })
  forum(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.meetings.group(ctx, p.forumId);
  }

  @ResolveField(() => Group, { nullable: true })
  steeringGroup(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.meetings.group(ctx, p.steeringGroupId);
  }

  @ResolveField(() => [Economy])
  proposingEconomies(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<Economy[]> {
    return this.economies(ctx, p, EconomyRole.PROPOSING);
  }

  @ResolveField(() => [Economy])
  coSponsoringEconomies(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<Economy[]> {
    return this.economies(ctx, p, EconomyRole.CO_SPONSORING);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The project overseer.' })
  overseer(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<Person | null> {
    return this.meetings.person(ctx, p.overseerPersonId);
  }

  @ResolveField(() => ContactDetails, { description: "The overseer's postal address, phone, fax and e-mail for this project." })
  overseerContact(@Parent() p: Project): ContactDetails {
    return { postalAddress: p.overseerPostalAddress, phone: p.overseerPhone, fax: p.overseerFax, email: p.overseerEmail };
  }

  @ResolveField(() => [User], { nullable: true, description: 'The accounts allowed to act as overseer. Null for callers other than the Secretariat.' })
  async overseerAccounts(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<User[] | null> {
    if (!this.access.isSecretariat(ctx)) return null;
    const links = await this.loaders.overseerAccountsOfProject(ctx, p.id);
    const users = await Promise.all(links.map((l) => this.loaders.user(ctx, l.userId)));
    return users.filter((u): u is User => u !== null);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in account may act as an overseer of this project.' })
  viewerIsOverseer(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.access.isOverseerOfCached(ctx, p.id);
  }

  @ResolveField(() => Money, { nullable: true, description: 'Total cost in US$.' })
  totalCost(@Parent() p: Project): Money | null {
    return toMoney(moneyFromColumns(p.totalCostAmount, p.totalCostQualifier));
  }

  @ResolveField(() => Money, { nullable: true, description: 'APEC funding sought in US$.' })
  apecFundingSought(@Parent() p: Project): Money | null {
    return toMoney(moneyFromColumns(p.apecFundingAmount, p.apecFundingQualifier));
  }

  @ResolveField(() => PartialDate, { nullable: true })
  startDate(@Parent() p: Project): PartialDate | null {
    return partialDate(p.startDate);
  }

  @ResolveField(() => PartialDate, { nullable: true })
  endDate(@Parent() p: Project): PartialDate | null {
    return partialDate(p.endDate);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'Completion due by this meeting (e.g. TEL38), when given as a meeting rather than a date.' })
  completionMeeting(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.meetings.meeting(ctx, p.completionMeetingId);
  }

  @ResolveField(() => [ProjectDocument], { description: 'Linked meeting documents, by symbol; only those the caller may see.' })
  async documents(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<ProjectDocument[]> {
    const links = await this.loaders.documentsOfProject(ctx, p.id);
    const visible = await Promise.all(links.map(async (l) => (await this.visibility.canSee(ctx, l.documentId)) && (await this.visibility.canSeeSymbol(ctx, l.documentSymbol))));
    return links.filter((_, i) => visible[i]);
  }

  @ResolveField(() => [AgendaItem], { description: 'Agenda items where the project was taken up.' })
  async agendaItems(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    const links = await this.loaders.agendaItemLinksOfProject(ctx, p.id);
    const items = await Promise.all(links.map((l) => this.meetings.agendaItem(ctx, l.agendaItemId)));
    return items.filter((i): i is AgendaItem => i !== null);
  }

  @ResolveField(() => [ProgressReport], { description: 'Its progress reports, oldest period first; drafts only for its overseers and the Secretariat.' })
  async progressReports(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<ProgressReport[]> {
    const reports = await this.reports.inPeriodOrder(ctx, p.id);
    const visible = await Promise.all(reports.map((r) => this.access.maySeeReport(ctx, r)));
    return reports.filter((_, i) => visible[i]);
  }

  @ResolveField(() => ReportDue, {
    nullable: true,
    description: 'The progress report it owes next (projects approved or in progress); null when no meeting of its forum is ahead.',
  })
  nextReportDue(
    @Parent() p: Project,
    @Ctx() ctx: RequestContext,
    @Args('asOf', { type: () => String, nullable: true, description: 'YYYY-MM-DD; today when left out.' }) asOf: string | null,
  ): Promise<ReportDue | null> {
    return this.reports.nextDue(ctx, p, asOf);
  }

  @ResolveField(() => [HistoryEvent], { description: 'Every change, oldest first.' })
  history(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<HistoryEvent[]> {
    return this.historyService.of(ctx, HistorySubject.PROJECT, p.id);
  }

  private async economies(ctx: RequestContext, p: Project, role: EconomyRole): Promise<Economy[]> {
    const links = (await this.loaders.economiesOfProject(ctx, p.id)).filter((l) => l.role === role);
    const economies = await Promise.all(links.map((l) => this.meetings.economy(ctx, l.economyId)));
    return economies.filter((e): e is Economy => e !== null);
  }
}

@Resolver(() => ProjectDocument)
export class ProjectDocumentResolver {
  constructor(private readonly visibility: DocumentVisibility) {}

  @ResolveField(() => Document, { nullable: true, description: 'The registered document; null until it is registered, or when the caller may not read it.' })
  async document(@Parent() link: ProjectDocument, @Ctx() ctx: RequestContext): Promise<Document | null> {
    return this.visibility.linked(ctx, link.documentId, link.documentSymbol);
  }
}
