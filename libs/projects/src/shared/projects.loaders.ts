import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { byKeys, groupByKeys, loaderFor, RequestContext, UnitOfWork } from '@tel/core';
import { Economy, LookupService } from '@tel/meetings';
import { AuthService, User } from '@tel/auth';
import { Project } from '../projects/project.entity';
import { ProjectAgendaItem } from '../projects/project-agenda-item.entity';
import { ProjectDocument } from '../projects/project-document.entity';
import { ProjectEconomy } from '../projects/project-economy.entity';
import { ProjectOverseerAccount } from '../projects/project-overseer-account.entity';
import { ProgressReport } from '../reports/progress-report.entity';

/** Per-request batched reads of projects and what hangs off them: one statement per batch. */
@Injectable()
export class ProjectsLoaders {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly auth: AuthService,
  ) {}

  private many<T extends object>(ctx: RequestContext, name: string, entity: new () => T, key: keyof T & string, order: Record<string, 'ASC' | 'DESC'>) {
    return loaderFor<string, T[]>(ctx, name, async (ids) => {
      const rows: T[] = await this.uow.manager.find(entity, { where: { [key]: In([...ids]) } as never, order: order as never });
      return groupByKeys(ids, rows, (r) => r[key] as unknown as string);
    });
  }

  project(ctx: RequestContext, id: string | null): Promise<Project | null> {
    if (!id) return Promise.resolve(null);
    return loaderFor<string, Project | null>(ctx, 'project', async (ids) => byKeys(ids, await this.uow.manager.find(Project, { where: { id: In([...ids]) } }), (r) => r.id)).load(
      id,
    );
  }

  report(ctx: RequestContext, id: string | null): Promise<ProgressReport | null> {
    if (!id) return Promise.resolve(null);
    return loaderFor<string, ProgressReport | null>(ctx, 'progressReport', async (ids) =>
      byKeys(ids, await this.uow.manager.find(ProgressReport, { where: { id: In([...ids]) } }), (r) => r.id),
    ).load(id);
  }

  economiesOfProject(ctx: RequestContext, projectId: string): Promise<ProjectEconomy[]> {
    return this.many(ctx, 'projectEconomies', ProjectEconomy, 'projectId', { position: 'ASC' }).load(projectId);
  }

  overseerAccountsOfProject(ctx: RequestContext, projectId: string): Promise<ProjectOverseerAccount[]> {
    return this.many(ctx, 'projectOverseerAccounts', ProjectOverseerAccount, 'projectId', { createdAt: 'ASC' }).load(projectId);
  }

  documentsOfProject(ctx: RequestContext, projectId: string): Promise<ProjectDocument[]> {
    return this.many(ctx, 'projectDocuments', ProjectDocument, 'projectId', { position: 'ASC' }).load(projectId);
  }

  agendaItemLinksOfProject(ctx: RequestContext, projectId: string): Promise<ProjectAgendaItem[]> {
    return this.many(ctx, 'projectAgendaItems', ProjectAgendaItem, 'projectId', { position: 'ASC' }).load(projectId);
  }

  reportsOfProject(ctx: RequestContext, projectId: string): Promise<ProgressReport[]> {
    return this.many(ctx, 'projectReports', ProgressReport, 'projectId', { createdAt: 'ASC' }).load(projectId);
  }

  economyByCode(ctx: RequestContext, code: string): Promise<Economy | null> {
    return loaderFor<string, Economy | null>(ctx, 'economyByCode', async (codes) => byKeys(codes, await this.lookup.economiesByCodes(this.uow.manager, codes), (r) => r.code)).load(
      code,
    );
  }

  user(ctx: RequestContext, id: string): Promise<User | null> {
    return loaderFor<string, User | null>(ctx, 'projects.user', async (ids) => byKeys(ids, await this.auth.usersByIds(ids), (r) => r.id)).load(id);
  }
}
