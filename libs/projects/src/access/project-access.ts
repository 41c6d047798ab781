import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, actorHasRole, AppError, RequestContext, Role } from '@tel/core';
import { ProjectOverseerAccount } from '../projects/project-overseer-account.entity';
import { ProgressReportStatus } from '../reports/progress-report.rules';
import { ProgressReport } from '../reports/progress-report.entity';
import { ProjectsLoaders } from '../shared/projects.loaders';

/**
 * Who may act on a project. An overseer is an account holding the OVERSEER role *and* linked to
 * the project (project_overseer_account); the Secretariat (and ADMIN) act on every project.
 * Acting as an overseer needs the role itself: ADMIN does not imply it, because submitting a
 * report is the overseer's statement, not an administrative act.
 */
@Injectable()
export class ProjectAccess {
  constructor(private readonly loaders: ProjectsLoaders) {}

  isSecretariat(ctx: RequestContext): boolean {
    return !!ctx.actor && actorHasRole(ctx.actor, Role.SECRETARIAT);
  }

  /** The system (seed, CLI) has no actor and no request: it may do anything. */
  isSystem(ctx: RequestContext): boolean {
    return !ctx.actor && !ctx.req;
  }

  private mayOversee(actor: Actor | null): actor is Actor {
    return !!actor && actor.roles.includes(Role.OVERSEER);
  }

  /** The accounts linked as the project's overseers (whom its notifications go to). */
  async overseerUserIds(em: EntityManager, projectId: string): Promise<string[]> {
    const rows = await em.find(ProjectOverseerAccount, { where: { projectId }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  /** Inside a write: is the caller an overseer of this project? */
  async isOverseerOf(em: EntityManager, ctx: RequestContext, projectId: string): Promise<boolean> {
    if (!this.mayOversee(ctx.actor)) return false;
    return em.exists(ProjectOverseerAccount, { where: { projectId, userId: ctx.actor.userId } });
  }

  /** Batched, for reads. */
  async isOverseerOfCached(ctx: RequestContext, projectId: string): Promise<boolean> {
    if (!this.mayOversee(ctx.actor)) return false;
    const userId = ctx.actor.userId;
    return (await this.loaders.overseerAccountsOfProject(ctx, projectId)).some((a) => a.userId === userId);
  }

  /** Overseers of the project and the Secretariat; FORBIDDEN for anyone else (projects are public). */
  async requireOverseerOrSecretariat(em: EntityManager, ctx: RequestContext, projectId: string): Promise<void> {
    if (this.isSystem(ctx) || this.isSecretariat(ctx)) return;
    if (!(await this.isOverseerOf(em, ctx, projectId))) throw AppError.forbidden('NOT_OVERSEER', 'Only an overseer of this project or the Secretariat may do this');
  }

  /** Drafts are seen by the project's overseers and the Secretariat only; everything else is public. */
  async maySeeReport(ctx: RequestContext, report: ProgressReport): Promise<boolean> {
    if (report.status !== ProgressReportStatus.DRAFT) return true;
    return this.isSecretariat(ctx) || (await this.isOverseerOfCached(ctx, report.projectId));
  }
}
