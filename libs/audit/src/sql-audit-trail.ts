import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntry, AuditTrail, newId, RequestContext } from '@tel/core';
import { AuditEvent } from './audit-event.entity';

/** Writes audit events into the database, in the caller's transaction. */
@Injectable()
export class SqlAuditTrail extends AuditTrail {
  async record(em: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    await em.insert(AuditEvent, em.create(AuditEvent, {
      id: newId(),
      actorId: ctx.actor?.userId ?? null,
      actorEmail: ctx.actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary.slice(0, 1000),
      requestId: ctx.requestId.slice(0, 64),
    }));
  }
}
