import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError, AuditTrail, isUniqueViolation, Page, PageArgs, pageWindow, RequestContext, toPage, UnitOfWork } from '@tel/core';
import { Session } from '../sessions/session.entity';
import { LookupService, normalizeCode } from '../shared/lookup.service';
import { Meeting, MeetingStatus } from './meeting.entity';
import { CreateMeetingInput, MeetingFilter, UpdateMeetingInput } from './meeting.inputs';
import { meetingProblems } from './meeting.rules';

@Injectable()
export class MeetingsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly audit: AuditTrail,
  ) {}

  async list(filter: MeetingFilter | null, page: PageArgs): Promise<Page<Meeting>> {
    const window = pageWindow(page);
    const qb = this.uow.manager.createQueryBuilder(Meeting, 'm');
    if (filter?.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter?.groupCode) qb.innerJoin('tel_group', 'g', 'g.id = m.groupId AND g.code = :gc', { gc: normalizeCode(filter.groupCode) });
    if (filter?.hostEconomyCode) qb.innerJoin('economy', 'e', 'e.id = m.hostEconomyId AND e.code = :ec', { ec: normalizeCode(filter.hostEconomyCode) });
    if (filter?.year) qb.andWhere('m.startDate >= :from AND m.startDate <= :to', { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` });
    const [nodes, total] = await qb.orderBy('m.number', 'ASC').addOrderBy('m.code', 'ASC').skip(window.offset).take(window.limit).getManyAndCount();
    return toPage(nodes, total, window);
  }

  byCode(code: string): Promise<Meeting> {
    return this.lookup.meetingByCode(this.uow.manager, code);
  }

  create(ctx: RequestContext, input: CreateMeetingInput): Promise<Meeting> {
    return this.uow.write(async (em) => {
      const meeting = em.create(Meeting, {
        code: normalizeCode(input.code),
        number: input.number ?? null,
        title: input.title.trim(),
        groupId: (await this.lookup.groupByCode(em, input.groupCode)).id,
        hostEconomyId: input.hostEconomyCode ? (await this.lookup.economyByCode(em, input.hostEconomyCode)).id : null,
        city: input.city?.trim() || null,
        venue: input.venue?.trim() || null,
        venueLocalName: input.venueLocalName?.trim() || null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        timeZone: input.timeZone?.trim() || null,
        status: input.status ?? MeetingStatus.PLANNED,
        notes: input.notes ?? null,
      });
      this.assertValid(meeting);
      if (await em.exists(Meeting, { where: { code: meeting.code } })) throw AppError.conflict('MEETING_EXISTS', `A meeting with code ${meeting.code} already exists`);
      const saved = await this.save(em, meeting);
      await this.audit.record(em, ctx, { action: 'meeting.create', entityType: 'Meeting', entityId: saved.id, summary: `created meeting ${saved.code}` });
      return saved;
    });
  }

  update(ctx: RequestContext, input: UpdateMeetingInput): Promise<Meeting> {
    return this.uow.write(async (em) => {
      const meeting = await this.lookup.meetingByCode(em, input.code);
      const changed: string[] = [];
      const set = <K extends keyof Meeting>(key: K, value: Meeting[K] | undefined) => {
        if (value === undefined || meeting[key] === value) return;
        meeting[key] = value;
        changed.push(String(key));
      };
      if (input.title === null) throw AppError.badInput('FIELD_REQUIRED', 'title cannot be cleared', { field: 'title' });
      set('title', input.title?.trim());
      set('number', input.number);
      if (input.hostEconomyCode !== undefined) set('hostEconomyId', input.hostEconomyCode ? (await this.lookup.economyByCode(em, input.hostEconomyCode)).id : null);
      set('city', input.city === undefined ? undefined : input.city?.trim() || null);
      set('venue', input.venue === undefined ? undefined : input.venue?.trim() || null);
      set('venueLocalName', input.venueLocalName === undefined ? undefined : input.venueLocalName?.trim() || null);
      set('startDate', input.startDate);
      set('endDate', input.endDate);
      set('timeZone', input.timeZone === undefined ? undefined : input.timeZone?.trim() || null);
      if (input.status === null) throw AppError.badInput('FIELD_REQUIRED', 'status cannot be cleared', { field: 'status' });
      set('status', input.status);
      set('notes', input.notes);
      this.assertValid(meeting);
      if (changed.some((k) => k === 'startDate' || k === 'endDate' || k === 'timeZone')) await this.assertSessionsStillFit(em, meeting);
      if (!changed.length) return meeting;
      const saved = await this.save(em, meeting);
      await this.audit.record(em, ctx, { action: 'meeting.update', entityType: 'Meeting', entityId: saved.id, summary: `updated ${changed.join(', ')} of ${saved.code}` });
      return saved;
    });
  }

  private assertValid(meeting: Meeting): void {
    const problems = meetingProblems(meeting);
    const fields = Object.keys(problems);
    if (fields.length) throw AppError.badInput('MEETING_DATES_INVALID', Object.values(problems).join('; '), { fields });
  }

  private async assertSessionsStillFit(em: EntityManager, meeting: Meeting): Promise<void> {
    const sessions = await em.find(Session, { where: { meetingId: meeting.id } });
    if (!sessions.length) return;
    if (!meeting.timeZone || !meeting.startDate || !meeting.endDate) {
      throw AppError.badInput('MEETING_DATES_INVALID', 'This meeting has sessions: it needs dates and a time zone', { fields: ['startDate', 'endDate', 'timeZone'] });
    }
    const outside = sessions.filter((s) => s.startsAt.slice(0, 10) < meeting.startDate! || s.endsAt.slice(0, 10) > meeting.endDate!);
    if (outside.length) {
      throw AppError.badInput('MEETING_DATES_INVALID', `${outside.length} session(s) would fall outside the new dates; move them first`, { fields: ['startDate', 'endDate'] });
    }
  }

  private async save(em: EntityManager, meeting: Meeting): Promise<Meeting> {
    try {
      return await em.save(meeting);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('MEETING_EXISTS', `A meeting with code ${meeting.code} already exists`);
      throw error;
    }
  }
}
