import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import { AppError, AuditTrail, isUniqueViolation, isUuid, newId, Page, PageArgs, pageWindow, RequestContext, Role, toPage, UnitOfWork } from '@tel/core';
import { LookupService, MeetingsDirectory, normalizeCode } from '@tel/meetings';
import { AuthService, normalizeEmail } from '@tel/auth';
import { HistorySubject } from '../history/history-event.entity';
import { HistoryService } from '../history/history.service';
import { diffSnapshots } from '../shared/field-diff';
import { describeMoney, moneyFromColumns } from '../shared/money';
import { partialDatesInOrder } from '../shared/partial-date';
import { cleanText, moneyColumns, partialDateInput } from '../shared/value-types';
import { DocumentVisibility } from '@tel/documents';
import { documentKey } from '../shared/document-symbol';
import { canonicalProjectNumber } from './project-number';
import { Project } from './project.entity';
import { EconomyRole, ProjectStatus, ProjectType } from './project.enums';
import { ChangeProjectStatusInput, CreateProjectInput, ProjectFieldsInput, ProjectFilter, UpdateProjectInput } from './project.inputs';
import { ProjectAgendaItem } from './project-agenda-item.entity';
import { ProjectDocument } from './project-document.entity';
import { ProjectEconomy } from './project-economy.entity';
import { ProjectOverseerAccount } from './project-overseer-account.entity';
import { canMoveProject, isProjectFinished, nextProjectStatuses } from './project-status.rules';

/** The register: projects, their economies, overseers, documents and agenda items. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly meetings: MeetingsDirectory,
    private readonly accounts: AuthService,
    private readonly audit: AuditTrail,
    private readonly history: HistoryService,
    private readonly documents: DocumentVisibility,
  ) {}

  async byId(id: string, em: EntityManager = this.uow.manager): Promise<Project> {
    const project = isUuid(id) ? await em.findOne(Project, { where: { id } }) : null;
    if (!project) throw AppError.notFound('PROJECT_NOT_FOUND', 'Project', id);
    return project;
  }

  async byNumber(number: string): Promise<Project> {
    const canonical = canonicalProjectNumber(number);
    if (!canonical) throw AppError.badInput('PROJECT_NUMBER_MALFORMED', `"${number}" is not a project number (e.g. TEL 01/2007S)`, { field: 'number' });
    const project = await this.uow.manager.findOne(Project, { where: { number: canonical } });
    if (!project) throw AppError.notFound('PROJECT_NOT_FOUND', 'Project', canonical);
    return project;
  }

  async list(ctx: RequestContext, filter: ProjectFilter | null, page: PageArgs): Promise<Page<Project>> {
    const window = pageWindow(page);
    const em = this.uow.manager;
    const qb = em.createQueryBuilder(Project, 'p');
    if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter?.fundingAccount) qb.andWhere('p.fundingAccount = :account', { account: filter.fundingAccount });
    // Groups and economies are asked of meetings; a code that names none matches no project.
    if (filter?.steeringGroupCode) {
      qb.andWhere('p.steeringGroupId = :sg', { sg: (await this.meetings.groupByCode(em, normalizeCode(filter.steeringGroupCode)))?.id ?? null });
    }
    if (filter?.economyCode) {
      qb.andWhere('EXISTS (SELECT 1 FROM project_economy pe WHERE pe."projectId" = p.id AND pe."economyId" = :economyId)', {
        economyId: (await this.meetings.economyByCode(em, filter.economyCode))?.id ?? null,
      });
    }
    if (filter?.year != null) {
      if (!Number.isInteger(filter.year) || filter.year < 1900 || filter.year > 2200)
        throw AppError.badInput('INPUT_INVALID', 'year must be a year such as 2008', { field: 'year' });
      // Running at some time in the year: partial dates compare as text ("2006-11" < "2007-99", "2009" >= "2009").
      const year = String(filter.year);
      qb.andWhere('(p.startDate IS NOT NULL OR p.endDate IS NOT NULL)');
      qb.andWhere('(p.startDate IS NULL OR p.startDate <= :yearEnd)', { yearEnd: `${year}-99` });
      qb.andWhere('(p.endDate IS NULL OR p.endDate >= :yearStart)', { yearStart: year });
    }
    if (filter?.title?.trim()) {
      const like = `%${filter.title
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where("LOWER(p.title) LIKE :like ESCAPE '\\'", { like })));
    }
    if (filter?.overseenByMe) {
      if (!ctx.actor) throw AppError.unauthenticated('SIGN_IN_REQUIRED', 'Sign in to list the projects you oversee');
      qb.andWhere('EXISTS (SELECT 1 FROM project_overseer_account po WHERE po."projectId" = p.id AND po."userId" = :me)', { me: ctx.actor.userId });
    }
    const [nodes, total] = await qb.orderBy('p.title', 'ASC').addOrderBy('p.id', 'ASC').skip(window.offset).take(window.limit).getManyAndCount();
    return toPage(nodes, total, window);
  }

  /** The whole register by title (projects are public): for exports, which are not paged. */
  register(): Promise<Project[]> {
    return this.uow.manager.find(Project, { order: { title: 'ASC', id: 'ASC' } });
  }

  /** The projects the caller's account is linked to as overseer, by title. */
  async overseenBy(ctx: RequestContext): Promise<Project[]> {
    if (!ctx.actor) throw AppError.unauthenticated('SIGN_IN_REQUIRED', 'Sign in to list the projects you oversee');
    return this.uow.manager
      .createQueryBuilder(Project, 'p')
      .where('EXISTS (SELECT 1 FROM project_overseer_account po WHERE po."projectId" = p.id AND po."userId" = :me)', { me: ctx.actor.userId })
      .orderBy('p.title', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  create(ctx: RequestContext, input: CreateProjectInput): Promise<Project> {
    return this.uow.write(async (em) => {
      const project = em.create(Project, {
        id: newId(),
        number: null,
        title: input.title.trim(),
        forumId: (await this.lookup.groupByCode(em, input.forumCode)).id,
        steeringGroupId: null,
        overseerPersonId: null,
        overseerPostalAddress: null,
        overseerPhone: null,
        overseerFax: null,
        overseerEmail: null,
        fundingAccount: null,
        totalCostAmount: null,
        totalCostQualifier: null,
        apecFundingAmount: null,
        apecFundingQualifier: null,
        projectType: null,
        projectTypeOther: null,
        startDate: null,
        endDate: null,
        completionMeetingId: null,
        description: null,
        status: input.status ?? ProjectStatus.PROPOSED,
        source: null,
        seedKey: null,
      });
      if (!project.title) throw AppError.badInput('FIELD_REQUIRED', 'title must not be empty', { field: 'title' });
      await this.applyFields(em, project, input);
      await this.insertOrConflict(em, project);
      await this.replaceLinks(em, project, input);
      await this.history.record(em, ctx, { subjectType: HistorySubject.PROJECT, subjectId: project.id, action: 'project.create', to: project.status, note: project.source });
      await this.audit.record(em, ctx, {
        action: 'project.create',
        entityType: 'Project',
        entityId: project.id,
        summary: `registered project "${project.title}"${project.number ? ` (${project.number})` : ''}`,
      });
      return project;
    });
  }

  update(ctx: RequestContext, input: UpdateProjectInput): Promise<Project> {
    return this.uow.write(async (em) => {
      const project = await this.byId(input.id, em);
      const before = await this.snapshot(em, project);
      if (input.title === null) throw AppError.badInput('FIELD_REQUIRED', 'title cannot be cleared', { field: 'title' });
      if (input.forumCode === null) throw AppError.badInput('FIELD_REQUIRED', 'forumCode cannot be cleared', { field: 'forumCode' });
      if (input.title !== undefined) {
        project.title = input.title.trim();
        if (!project.title) throw AppError.badInput('FIELD_REQUIRED', 'title must not be empty', { field: 'title' });
      }
      if (input.forumCode !== undefined) project.forumId = (await this.lookup.groupByCode(em, input.forumCode)).id;
      await this.applyFields(em, project, input);
      await this.saveOrConflict(em, project);
      await this.replaceLinks(em, project, input);
      const changes = diffSnapshots(before, await this.snapshot(em, project));
      if (!changes.length) return project;
      await this.history.record(em, ctx, { subjectType: HistorySubject.PROJECT, subjectId: project.id, action: 'project.update', changes });
      await this.audit.record(em, ctx, {
        action: 'project.update',
        entityType: 'Project',
        entityId: project.id,
        summary: `updated ${changes.map((c) => c.field).join(', ')} of "${project.title}"`,
      });
      return project;
    });
  }

  changeStatus(ctx: RequestContext, input: ChangeProjectStatusInput): Promise<Project> {
    return this.uow.write(async (em) => {
      const project = await this.byId(input.id, em);
      if (!canMoveProject(project.status, input.status)) {
        const allowed = nextProjectStatuses(project.status);
        throw AppError.invalidState(
          'PROJECT_STATUS_REFUSED',
          `A ${project.status} project cannot become ${input.status}${allowed.length ? ` (it may become ${allowed.join(' or ')})` : ''}`,
          {
            status: project.status,
          },
        );
      }
      await this.moveStatus(em, ctx, project, input.status, 'project.status', cleanText(input.note));
      await this.audit.record(em, ctx, { action: 'project.status', entityType: 'Project', entityId: project.id, summary: `"${project.title}" is now ${input.status}` });
      return project;
    });
  }

  // ---- effects of approvals (called inside the approval's transaction) -----------------------

  /** An approved extension: the new end date and/or completion meeting, with a history event. */
  async applyExtension(
    em: EntityManager,
    ctx: RequestContext,
    projectId: string,
    change: { endDate: string | null; completionMeetingId: string | null },
    note: string,
  ): Promise<void> {
    const project = await this.byId(projectId, em);
    const before = await this.snapshot(em, project);
    if (change.endDate) project.endDate = change.endDate;
    if (change.completionMeetingId) project.completionMeetingId = change.completionMeetingId;
    await em.save(project);
    const changes = diffSnapshots(before, await this.snapshot(em, project));
    await this.history.record(em, ctx, { subjectType: HistorySubject.PROJECT, subjectId: project.id, action: 'project.extend', changes, note });
  }

  /** An approved new project: PROPOSED → APPROVED. */
  async applyApproval(em: EntityManager, ctx: RequestContext, projectId: string, note: string): Promise<void> {
    const project = await this.byId(projectId, em);
    if (project.status !== ProjectStatus.PROPOSED) {
      throw AppError.invalidState('PROJECT_NOT_PROPOSED', `The project is ${project.status}, not PROPOSED; the final approval cannot take effect`, { status: project.status });
    }
    await this.moveStatus(em, ctx, project, ProjectStatus.APPROVED, 'project.approve', note);
  }

  /** Any other approval that concerns the project: recorded in its history. */
  async noteApproval(em: EntityManager, ctx: RequestContext, projectId: string, action: string, note: string): Promise<void> {
    await this.history.record(em, ctx, { subjectType: HistorySubject.PROJECT, subjectId: projectId, action, note });
  }

  /** Refuses requests about a project that has finished (completed, closed or withdrawn). */
  assertOpen(project: Project, what: string): void {
    if (isProjectFinished(project.status))
      throw AppError.invalidState('PROJECT_FINISHED', `The project is ${project.status}; ${what} no longer applies`, { status: project.status });
  }

  // ---- helpers ------------------------------------------------------------------------------

  private async moveStatus(em: EntityManager, ctx: RequestContext, project: Project, to: ProjectStatus, action: string, note: string | null): Promise<void> {
    const from = project.status;
    project.status = to;
    await em.update(Project, { id: project.id }, { status: to });
    await this.history.record(em, ctx, { subjectType: HistorySubject.PROJECT, subjectId: project.id, action, from, to, note });
  }

  private async applyFields(em: EntityManager, project: Project, input: ProjectFieldsInput): Promise<void> {
    if (input.number !== undefined) {
      const canonical = input.number === null || !input.number.trim() ? null : canonicalProjectNumber(input.number);
      if (input.number && input.number.trim() && !canonical)
        throw AppError.badInput('PROJECT_NUMBER_MALFORMED', `"${input.number}" is not a project number (e.g. TEL 01/2007S)`, { field: 'number' });
      project.number = canonical;
    }
    if (input.steeringGroupCode !== undefined) project.steeringGroupId = input.steeringGroupCode ? (await this.lookup.groupByCode(em, input.steeringGroupCode)).id : null;
    if (input.overseerPersonId !== undefined) {
      if (input.overseerPersonId === null) project.overseerPersonId = null;
      else {
        const person = await this.meetings.personById(em, input.overseerPersonId);
        if (!person) throw AppError.notFound('PERSON_NOT_FOUND', 'Person', input.overseerPersonId);
        project.overseerPersonId = person.id;
      }
    }
    if (input.overseerContact !== undefined) {
      const c = input.overseerContact;
      project.overseerPostalAddress = cleanText(c?.postalAddress);
      project.overseerPhone = cleanText(c?.phone);
      project.overseerFax = cleanText(c?.fax);
      project.overseerEmail = cleanText(c?.email)?.toLowerCase() ?? null;
    }
    if (input.fundingAccount !== undefined) project.fundingAccount = input.fundingAccount;
    if (input.totalCost !== undefined) {
      const m = moneyColumns(input.totalCost, 'totalCost');
      project.totalCostAmount = m.amount;
      project.totalCostQualifier = m.qualifier;
    }
    if (input.apecFundingSought !== undefined) {
      const m = moneyColumns(input.apecFundingSought, 'apecFundingSought');
      project.apecFundingAmount = m.amount;
      project.apecFundingQualifier = m.qualifier;
    }
    if (input.projectType !== undefined) project.projectType = input.projectType;
    if (input.projectTypeOther !== undefined) project.projectTypeOther = cleanText(input.projectTypeOther);
    if (project.projectTypeOther && project.projectType !== ProjectType.OTHER)
      throw AppError.badInput('PROJECT_FIELDS_INVALID', 'projectTypeOther goes with projectType OTHER', { field: 'projectTypeOther' });
    if (input.startDate !== undefined) project.startDate = partialDateInput(input.startDate, 'startDate');
    if (input.endDate !== undefined) project.endDate = partialDateInput(input.endDate, 'endDate');
    if (project.startDate && project.endDate && !partialDatesInOrder(project.startDate, project.endDate))
      throw AppError.badInput('DATE_ORDER', 'endDate is before startDate', { field: 'endDate' });
    if (input.completionMeetingCode !== undefined)
      project.completionMeetingId = input.completionMeetingCode ? (await this.lookup.meetingByCode(em, input.completionMeetingCode)).id : null;
    if (input.description !== undefined) project.description = cleanText(input.description);
    if (input.source !== undefined) project.source = cleanText(input.source);
  }

  /** Replaces the lists the input gives (economies, overseer accounts, documents, agenda items). */
  private async replaceLinks(em: EntityManager, project: Project, input: ProjectFieldsInput): Promise<void> {
    if (input.proposingEconomyCodes !== undefined || input.coSponsoringEconomyCodes !== undefined) {
      const current = await em.find(ProjectEconomy, { where: { projectId: project.id }, order: { position: 'ASC' } });
      const codesOf = async (role: EconomyRole) => {
        const rows = current.filter((r) => r.role === role);
        const economies = await this.meetings.economiesByIds(
          em,
          rows.map((r) => r.economyId),
        );
        return rows.map((r) => economies.get(r.economyId)!.code);
      };
      const proposing = input.proposingEconomyCodes === undefined ? await codesOf(EconomyRole.PROPOSING) : (input.proposingEconomyCodes ?? []);
      const coSponsoring = input.coSponsoringEconomyCodes === undefined ? await codesOf(EconomyRole.CO_SPONSORING) : (input.coSponsoringEconomyCodes ?? []);
      const all = [...proposing, ...coSponsoring].map(normalizeCode);
      const twice = all.filter((c, i) => all.indexOf(c) !== i);
      if (twice.length) throw AppError.badInput('DUPLICATE_IN_LIST', `an economy is listed twice: ${[...new Set(twice)].join(', ')}`, { field: 'coSponsoringEconomyCodes' });
      await em.delete(ProjectEconomy, { projectId: project.id });
      let position = 0;
      for (const [role, codes] of [
        [EconomyRole.PROPOSING, proposing],
        [EconomyRole.CO_SPONSORING, coSponsoring],
      ] as const) {
        for (const code of codes) {
          const economy = await this.lookup.economyByCode(em, code);
          await em.insert(ProjectEconomy, { id: newId(), projectId: project.id, economyId: economy.id, role, position: ++position });
        }
      }
    }
    if (input.overseerAccountEmails !== undefined) {
      const emails = [...new Set((input.overseerAccountEmails ?? []).map((e) => normalizeEmail(e) ?? e.trim()))];
      const users = await this.accounts.usersByEmails(emails, em);
      for (const email of emails) {
        const user = users.find((u) => u.email === email);
        if (!user) throw AppError.notFound('ACCOUNT_NOT_FOUND', 'Account', email);
        if (!user.roles.includes(Role.OVERSEER)) throw AppError.badInput('OVERSEER_INELIGIBLE', `${email} does not hold the OVERSEER role`, { field: 'overseerAccountEmails' });
        if (user.disabled) throw AppError.badInput('OVERSEER_INELIGIBLE', `${email} is disabled`, { field: 'overseerAccountEmails' });
      }
      await em.delete(ProjectOverseerAccount, { projectId: project.id });
      for (const user of users) await em.insert(ProjectOverseerAccount, { id: newId(), projectId: project.id, userId: user.id });
    }
    if (input.documentSymbols !== undefined) {
      const symbols = [...new Set((input.documentSymbols ?? []).map((s) => documentKey(s, 'documentSymbols')))];
      await em.delete(ProjectDocument, { projectId: project.id });
      for (const [i, documentSymbol] of symbols.entries()) {
        await em.insert(ProjectDocument, {
          id: newId(),
          projectId: project.id,
          documentSymbol,
          documentId: await this.documents.registeredDocumentId(em, documentSymbol),
          position: i + 1,
        });
      }
    }
    if (input.agendaItemIds !== undefined) {
      const ids = [...new Set(input.agendaItemIds ?? [])];
      const items = await this.meetings.agendaItemsByIds(em, ids);
      const missing = ids.find((id) => !items.has(id));
      if (missing) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', 'Agenda item', missing);
      await em.delete(ProjectAgendaItem, { projectId: project.id });
      for (const [i, agendaItemId] of ids.entries()) await em.insert(ProjectAgendaItem, { id: newId(), projectId: project.id, agendaItemId, position: i + 1 });
    }
  }

  /** The register's fields as text, for the history's field-by-field changes. */
  private async snapshot(em: EntityManager, p: Project): Promise<Record<string, string | null>> {
    const groups = await this.meetings.groupsByIds(em, [p.forumId, p.steeringGroupId]);
    const economies = p.id ? await em.find(ProjectEconomy, { where: { projectId: p.id }, order: { position: 'ASC' } }) : [];
    const economyCodes = await this.meetings.economiesByIds(
      em,
      economies.map((e) => e.economyId),
    );
    const list = (role: EconomyRole) =>
      economies
        .filter((e) => e.role === role)
        .map((e) => economyCodes.get(e.economyId)?.code)
        .join(', ') || null;
    const overseer = p.overseerPersonId ? await this.meetings.personById(em, p.overseerPersonId) : null;
    const meeting = p.completionMeetingId ? await this.meetings.meetingById(em, p.completionMeetingId) : null;
    const accounts = await em.count(ProjectOverseerAccount, { where: { projectId: p.id } });
    const documents = await em.find(ProjectDocument, { where: { projectId: p.id }, order: { position: 'ASC' } });
    const items = await em.count(ProjectAgendaItem, { where: { projectId: p.id } });
    return {
      number: p.number,
      title: p.title,
      forum: groups.get(p.forumId)?.code ?? null,
      steeringGroup: p.steeringGroupId ? (groups.get(p.steeringGroupId)?.code ?? null) : null,
      proposingEconomies: list(EconomyRole.PROPOSING),
      coSponsoringEconomies: list(EconomyRole.CO_SPONSORING),
      overseer: overseer?.name ?? null,
      overseerPostalAddress: p.overseerPostalAddress,
      overseerPhone: p.overseerPhone,
      overseerFax: p.overseerFax,
      overseerEmail: p.overseerEmail,
      overseerAccounts: accounts ? `${accounts} account(s)` : null,
      fundingAccount: p.fundingAccount,
      totalCost: describeMoney(moneyFromColumns(p.totalCostAmount, p.totalCostQualifier)),
      apecFundingSought: describeMoney(moneyFromColumns(p.apecFundingAmount, p.apecFundingQualifier)),
      projectType: p.projectType,
      projectTypeOther: p.projectTypeOther,
      startDate: p.startDate,
      endDate: p.endDate,
      completionMeeting: meeting?.code ?? null,
      description: p.description,
      documents: documents.map((d) => d.documentSymbol).join(', ') || null,
      agendaItems: items ? `${items} item(s)` : null,
      status: p.status,
    };
  }

  private async insertOrConflict(em: EntityManager, project: Project): Promise<void> {
    await this.assertNumberFree(em, project);
    try {
      await em.insert(Project, project);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('PROJECT_NUMBER_TAKEN', `Project number ${project.number} is already taken`);
      throw error;
    }
  }

  private async saveOrConflict(em: EntityManager, project: Project): Promise<void> {
    await this.assertNumberFree(em, project);
    try {
      await em.save(project);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('PROJECT_NUMBER_TAKEN', `Project number ${project.number} is already taken`);
      throw error;
    }
  }

  private async assertNumberFree(em: EntityManager, project: Project): Promise<void> {
    if (!project.number) return;
    const holder = await em.findOne(Project, { where: { number: project.number } });
    if (holder && holder.id !== project.id) throw AppError.conflict('PROJECT_NUMBER_TAKEN', `Project number ${project.number} is already taken by "${holder.title}"`);
  }

  // ---- reads for other libraries -------------------------------------------------------------

  /** The project with this canonical number, or null. */
  findByNumber(number: string, em: EntityManager = this.uow.manager): Promise<Project | null> {
    return em.findOne(Project, { where: { number } });
  }
}
