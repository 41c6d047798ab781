import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { groupByKeys, loaderFor, newId, RequestContext, UnitOfWork } from '@tel/core';
import { FieldChange, HistoryEvent, HistorySubject } from './history-event.entity';

export interface HistoryEntry {
  subjectType: HistorySubject;
  subjectId: string;
  action: string;
  from?: string | null;
  to?: string | null;
  note?: string | null;
  changes?: FieldChange[];
}

/** Writes and reads the domain history of projects, progress reports and approval requests. */
@Injectable()
export class HistoryService {
  private lastAt = 0;

  constructor(private readonly uow: UnitOfWork) {}

  /** Records one event in the caller's transaction. */
  async record(em: EntityManager, ctx: RequestContext, entry: HistoryEntry): Promise<void> {
    await em.insert(HistoryEvent, {
      id: newId(),
      createdAt: this.nextTimestamp(),
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      action: entry.action,
      fromState: entry.from ?? null,
      toState: entry.to ?? null,
      note: entry.note?.slice(0, 4000) ?? null,
      changes: entry.changes ?? [],
      actorId: ctx.actor?.userId ?? null,
      actorEmail: ctx.actor?.email ?? null,
    });
  }

  /** Oldest first; one statement per batch of subjects. */
  of(ctx: RequestContext, subjectType: HistorySubject, subjectId: string): Promise<HistoryEvent[]> {
    return loaderFor<string, HistoryEvent[]>(ctx, `history:${subjectType}`, async (ids) => {
      const rows = await this.uow.manager.find(HistoryEvent, { where: { subjectType, subjectId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.subjectId);
    }).load(subjectId);
  }

  /**
   * Set here with milliseconds rather than by the database (SQLite's default keeps whole seconds),
   * and strictly increasing within the process, so events of one transaction keep their order.
   */
  private nextTimestamp(): Date {
    this.lastAt = Math.max(Date.now(), this.lastAt + 1);
    return new Date(this.lastAt);
  }
}
