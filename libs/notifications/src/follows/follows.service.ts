import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError, loaderFor, newId, RequestContext, UnitOfWork } from '@tel/core';
import { LookupService } from '@tel/meetings';
import { Follow, FollowKind } from './follow.entity';

/** What to follow: a group's code or a meeting's code, exactly one. */
export interface FollowTarget {
  groupCode?: string | null;
  meetingCode?: string | null;
}

/** Following groups and meetings: the caller's own follows only. */
@Injectable()
export class FollowsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
  ) {}

  /** Follows the group or meeting (again: nothing changes); answers the follow. */
  follow(ctx: RequestContext, target: FollowTarget): Promise<Follow> {
    const userId = ctx.actor!.userId;
    return this.uow.write(async (em) => {
      const { kind, targetId } = await this.resolve(em, target);
      // A second follow (or two at once) finds the first: INSERT … ON CONFLICT DO NOTHING, then read.
      await em.createQueryBuilder().insert().into(Follow).values({ id: newId(), userId, kind, targetId }).orIgnore().execute();
      return em.findOneByOrFail(Follow, { userId, kind, targetId });
    });
  }

  /** Stops following; answers whether I followed it. */
  unfollow(ctx: RequestContext, target: FollowTarget): Promise<boolean> {
    const userId = ctx.actor!.userId;
    return this.uow.write(async (em) => {
      const { kind, targetId } = await this.resolve(em, target);
      const result = await em.delete(Follow, { userId, kind, targetId });
      return (result.affected ?? 0) > 0;
    });
  }

  /**
   * My follows: groups, then meetings, each oldest first. (By kind first because SQLite keeps
   * whole seconds: two follows made in one second would otherwise come in the random order of
   * their ids.)
   */
  mine(ctx: RequestContext): Promise<Follow[]> {
    return this.uow.manager.find(Follow, { where: { userId: ctx.actor!.userId }, order: { kind: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** Whether the caller follows this group or meeting: one statement per kind per request, none for an anonymous caller. */
  async followedByMe(ctx: RequestContext, kind: FollowKind, targetId: string): Promise<boolean> {
    const userId = ctx.actor?.userId;
    if (!userId) return false;
    return loaderFor<string, boolean>(ctx, `followedByMe:${kind}`, async (ids) => {
      const rows = await this.uow.manager.find(Follow, { where: { userId, kind, targetId: In([...ids]) }, select: { id: true, targetId: true } });
      const followed = new Set(rows.map((r) => r.targetId));
      return ids.map((id) => followed.has(id));
    }).load(targetId);
  }

  private async resolve(em: EntityManager, target: FollowTarget): Promise<{ kind: FollowKind; targetId: string }> {
    const group = target.groupCode?.trim();
    const meeting = target.meetingCode?.trim();
    if (group && meeting) throw AppError.badInput('INPUT_INVALID', 'Give groupCode or meetingCode, not both', { field: 'meetingCode' });
    if (group) return { kind: FollowKind.GROUP, targetId: (await this.lookup.groupByCode(em, group)).id };
    if (meeting) return { kind: FollowKind.MEETING, targetId: (await this.lookup.meetingByCode(em, meeting)).id };
    throw AppError.badInput('FIELD_REQUIRED', 'Give groupCode or meetingCode', { field: 'groupCode' });
  }
}
