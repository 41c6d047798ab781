import { Args, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError, Connection, PageArgs, pageWindow, SecretariatOnly, toPage, UnitOfWork } from '@tel/core';
import { AuditEvent } from './audit-event.entity';
import { AuditEventFilter } from './audit-event.filter';

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}

/** A date (midnight UTC) or a date-time with its offset. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function parseInstant(raw: string, field: string): Date {
  const text = raw.trim();
  const at = ISO_INSTANT.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw AppError.badInput('DATE_MALFORMED', `${field} must be an ISO 8601 date or date-time with an offset, e.g. 2026-05-01T09:00:00Z`, { field });
  return at;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly uow: UnitOfWork) {}

  @SecretariatOnly()
  @Query(() => AuditEventConnection, { description: 'Who changed what, newest first.' })
  async auditEvents(@Args('filter', { type: () => AuditEventFilter, nullable: true }) filter: AuditEventFilter | null, @Args() page: PageArgs): Promise<AuditEventConnection> {
    const window = pageWindow(page);
    const qb = this.uow.manager.createQueryBuilder(AuditEvent, 'a');
    if (filter?.action) qb.andWhere('a.action = :action', { action: filter.action.trim() });
    if (filter?.entityType) qb.andWhere('a.entityType = :entityType', { entityType: filter.entityType.trim() });
    if (filter?.entityId) qb.andWhere('a.entityId = :entityId', { entityId: filter.entityId.trim() });
    if (filter?.actorEmail) qb.andWhere('a.actorEmail = :actorEmail', { actorEmail: filter.actorEmail.trim().toLowerCase() });
    const since = filter?.since ? parseInstant(filter.since, 'since') : null;
    const until = filter?.until ? parseInstant(filter.until, 'until') : null;
    if (since && until && until <= since) throw AppError.badInput('DATE_ORDER', 'until must be after since', { field: 'until' });
    if (since) qb.andWhere('a.createdAt >= :since', { since });
    if (until) qb.andWhere('a.createdAt < :until', { until });
    const [nodes, total] = await qb.orderBy('a.createdAt', 'DESC').addOrderBy('a.id', 'DESC').skip(window.offset).take(window.limit).getManyAndCount();
    return toPage(nodes, total, window);
  }

  @ResolveField(() => String, { description: 'When it happened (ISO 8601, UTC).' })
  at(@Parent() event: AuditEvent): string {
    return event.createdAt.toISOString();
  }
}
