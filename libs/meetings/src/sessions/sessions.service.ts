import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError, AuditTrail, isUuid, RequestContext, toLocalWallTime, UnitOfWork } from '@tel/core';
import { Meeting } from '../meetings/meeting.entity';
import { LookupService } from '../shared/lookup.service';
import { Session } from './session.entity';
import { CreateSessionInput, DeleteSessionInput, UpdateSessionInput } from './session.inputs';

@Injectable()
export class SessionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly audit: AuditTrail,
  ) {}

  async byId(id: string): Promise<Session> {
    const session = isUuid(id) ? await this.uow.manager.findOne(Session, { where: { id } }) : null;
    if (!session) throw AppError.notFound('SESSION_NOT_FOUND', 'Session', id);
    return session;
  }

  create(ctx: RequestContext, input: CreateSessionInput): Promise<Session> {
    return this.uow.write(async (em) => {
      const meeting = await this.lookup.meetingByCode(em, input.meetingCode);
      const session = em.create(Session, {
        meetingId: meeting.id,
        kind: input.kind,
        groupId: input.groupCode ? (await this.lookup.groupByCode(em, input.groupCode)).id : null,
        title: input.title.trim(),
        timeIsConventional: input.timeIsConventional ?? false,
        tentative: input.tentative ?? false,
        leadEconomyId: input.leadEconomyCode ? (await this.lookup.economyByCode(em, input.leadEconomyCode)).id : null,
        note: input.note ?? null,
      });
      this.setTimes(meeting, session, input.startsAt, input.endsAt);
      const saved = await em.save(session);
      await this.audit.record(em, ctx, { action: 'session.create', entityType: 'Session', entityId: saved.id, summary: `added "${saved.title}" to ${meeting.code}` });
      return saved;
    });
  }

  update(ctx: RequestContext, input: UpdateSessionInput): Promise<Session> {
    return this.uow.write(async (em) => {
      const session = await this.load(em, input.id);
      const meeting = await em.findOneOrFail(Meeting, { where: { id: session.meetingId } });
      for (const key of ['kind', 'title', 'timeIsConventional', 'tentative', 'startsAt', 'endsAt'] as const) {
        if (input[key] === null) throw AppError.badInput('FIELD_REQUIRED', `${key} cannot be cleared`, { field: key });
      }
      if (input.kind) session.kind = input.kind;
      if (input.title) session.title = input.title.trim();
      if (input.timeIsConventional !== undefined) session.timeIsConventional = input.timeIsConventional!;
      if (input.tentative !== undefined) session.tentative = input.tentative!;
      if (input.note !== undefined) session.note = input.note;
      if (input.groupCode !== undefined) session.groupId = input.groupCode ? (await this.lookup.groupByCode(em, input.groupCode)).id : null;
      if (input.leadEconomyCode !== undefined) session.leadEconomyId = input.leadEconomyCode ? (await this.lookup.economyByCode(em, input.leadEconomyCode)).id : null;
      if (input.startsAt || input.endsAt) this.setTimes(meeting, session, input.startsAt ?? session.startsAt, input.endsAt ?? session.endsAt);
      const saved = await em.save(session);
      await this.audit.record(em, ctx, { action: 'session.update', entityType: 'Session', entityId: saved.id, summary: `updated "${saved.title}" of ${meeting.code}` });
      return saved;
    });
  }

  delete(ctx: RequestContext, input: DeleteSessionInput): Promise<Session> {
    return this.uow.write(async (em) => {
      const session = await this.load(em, input.id);
      const removedId = session.id;
      await em.remove(session);
      session.id = removedId;
      await this.audit.record(em, ctx, { action: 'session.delete', entityType: 'Session', entityId: removedId, summary: `removed "${session.title}"` });
      return session;
    });
  }

  private async load(em: EntityManager, id: string): Promise<Session> {
    const session = isUuid(id) ? await em.findOne(Session, { where: { id } }) : null;
    if (!session) throw AppError.notFound('SESSION_NOT_FOUND', 'Session', id);
    return session;
  }

  /** Reads both times in the meeting's zone and checks they fall within the meeting, end after start. */
  private setTimes(meeting: Meeting, session: Session, startsAt: string, endsAt: string): void {
    if (!meeting.timeZone || !meeting.startDate || !meeting.endDate) {
      throw AppError.invalidState('MEETING_HAS_NO_DATES', `Give ${meeting.code} its dates and time zone before adding sessions`);
    }
    const start = toLocalWallTime(startsAt, meeting.timeZone);
    const end = toLocalWallTime(endsAt, meeting.timeZone);
    if (!start) throw AppError.badInput('SESSION_TIME_INVALID', 'startsAt must be a date-time like 2008-03-26T14:00 (local) or 2008-03-26T14:00:00+09:00', { field: 'startsAt' });
    if (!end) throw AppError.badInput('SESSION_TIME_INVALID', 'endsAt must be a date-time like 2008-03-26T17:00 (local) or 2008-03-26T17:00:00+09:00', { field: 'endsAt' });
    if (end <= start) throw AppError.badInput('SESSION_TIME_INVALID', 'endsAt must be after startsAt', { field: 'endsAt' });
    if (start.slice(0, 10) < meeting.startDate || end.slice(0, 10) > meeting.endDate) {
      throw AppError.badInput('SESSION_TIME_INVALID', `The session must fall within ${meeting.code} (${meeting.startDate} to ${meeting.endDate}, ${meeting.timeZone})`, {
        field: 'startsAt',
      });
    }
    session.startsAt = start;
    session.endsAt = end;
  }
}
