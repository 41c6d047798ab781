import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntry, AuditTrail, newId, RequestContext } from '@tel/core';
import { AuditEvent } from './audit-event.entity';

/** Writes audit events into the database, in the caller's transaction. */
@Injectable()
export class SqlAuditTrail extends AuditTrail {
  async record(em: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    await em.insert(
      AuditEvent,
      em.create(AuditEvent, {
        id: newId(),
        // Set here, with milliseconds, rather than by the database: SQLite's default keeps whole
        // seconds only, and the application's clock is the one `since`/`until` filters compare with.
        createdAt: new Date(),
        actorId: ctx.actor?.userId ?? null,
        actorEmail: ctx.actor?.email ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        summary: entry.summary.slice(0, 1000),
        requestId: ctx.requestId.slice(0, 64),
      }),
    );
  }
}
