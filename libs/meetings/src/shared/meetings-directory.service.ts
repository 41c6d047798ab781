import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { isUuid } from '@tel/core';
import { Agenda } from '../agendas/agenda.entity';
import { AgendaItem } from '../agendas/agenda-item.entity';
import { Group } from '../groups/group.entity';
import { Meeting, MeetingStatus } from '../meetings/meeting.entity';
import { Economy } from '../parties/economy.entity';
import { Organization } from '../parties/organization.entity';
import { Person } from '../parties/person.entity';
import { Session } from '../sessions/session.entity';
import { normalizeCode } from './lookup.service';

/**
 * Reads of the meetings tables for other libraries (documents, projects, approvals), which may not
 * query them themselves. Each method takes the caller's EntityManager, so it reads inside the
 * caller's unit of work; lists are read in one statement. Unlike LookupService these answer null or
 * leave missing rows out: the caller decides which error a missing row is.
 */
@Injectable()
export class MeetingsDirectory {
  meetingById(em: EntityManager, id: string): Promise<Meeting | null> {
    return isUuid(id) ? em.findOne(Meeting, { where: { id } }) : Promise.resolve(null);
  }

  /** The meeting a stored row refers to (a foreign key): its absence is a broken database, not a user's error. */
  meetingByIdOrFail(em: EntityManager, id: string): Promise<Meeting> {
    return em.findOneByOrFail(Meeting, { id });
  }

  /** The meeting with this code (normalized), or null. */
  meetingByCode(em: EntityManager, code: string): Promise<Meeting | null> {
    return em.findOne(Meeting, { where: { code: normalizeCode(code) } });
  }

  /** Ids of every meeting in the register's order (number, then code), for ordering rows by meeting. */
  async meetingIdsInOrder(em: EntityManager): Promise<string[]> {
    const rows = await em.find(Meeting, { select: { id: true }, order: { number: 'ASC', code: 'ASC' } });
    return rows.map((m) => m.id);
  }

  /** The meetings of a group that have a start date and are not yet HELD (candidates for "next meeting"). */
  upcomingMeetingsOfGroup(em: EntityManager, groupId: string): Promise<Meeting[]> {
    return em.createQueryBuilder(Meeting, 'm').where('m.groupId = :groupId AND m.startDate IS NOT NULL AND m.status <> :held', { groupId, held: MeetingStatus.HELD }).getMany();
  }

  /** The same for several groups at once, earliest first. */
  upcomingMeetingsOfGroups(em: EntityManager, groupIds: readonly string[]): Promise<Meeting[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return em
      .createQueryBuilder(Meeting, 'm')
      .where('m.groupId IN (:...groupIds) AND m.startDate IS NOT NULL AND m.status <> :held', { groupIds: [...new Set(groupIds)], held: MeetingStatus.HELD })
      .orderBy('m.startDate', 'ASC')
      .getMany();
  }

  groupById(em: EntityManager, id: string): Promise<Group | null> {
    return isUuid(id) ? em.findOne(Group, { where: { id } }) : Promise.resolve(null);
  }

  /** The group a stored row refers to (a foreign key): its absence is a broken database, not a user's error. */
  groupByIdOrFail(em: EntityManager, id: string): Promise<Group> {
    return em.findOneOrFail(Group, { where: { id } });
  }

  /** The group whose code is exactly this one (already normalized by the caller), or null. */
  groupByCode(em: EntityManager, code: string): Promise<Group | null> {
    return em.findOne(Group, { where: { code } });
  }

  /** Groups with these ids (those that exist), keyed by id: one statement. */
  async groupsByIds(em: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, Group>> {
    return byId(await this.findIn(em, Group, ids));
  }

  /** Economies with these ids (those that exist), keyed by id: one statement. */
  async economiesByIds(em: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, Economy>> {
    return byId(await this.findIn(em, Economy, ids));
  }

  economyById(em: EntityManager, id: string): Promise<Economy | null> {
    return isUuid(id) ? em.findOne(Economy, { where: { id } }) : Promise.resolve(null);
  }

  /** The economy with this code (normalized), or null. */
  economyByCode(em: EntityManager, code: string): Promise<Economy | null> {
    return em.findOne(Economy, { where: { code: normalizeCode(code) } });
  }

  organizationById(em: EntityManager, id: string): Promise<Organization | null> {
    return isUuid(id) ? em.findOne(Organization, { where: { id } }) : Promise.resolve(null);
  }

  personById(em: EntityManager, id: string): Promise<Person | null> {
    return isUuid(id) ? em.findOne(Person, { where: { id } }) : Promise.resolve(null);
  }

  sessionById(em: EntityManager, id: string): Promise<Session | null> {
    return isUuid(id) ? em.findOne(Session, { where: { id } }) : Promise.resolve(null);
  }

  agendaItemById(em: EntityManager, id: string): Promise<AgendaItem | null> {
    return isUuid(id) ? em.findOne(AgendaItem, { where: { id } }) : Promise.resolve(null);
  }

  /** Agenda items with these ids (those that exist; ids that are no uuid are left out), keyed by id. */
  async agendaItemsByIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, AgendaItem>> {
    return byId(await this.findIn(em, AgendaItem, ids));
  }

  /** The id of the meeting whose agenda holds this item. */
  async meetingIdOfAgendaItem(em: EntityManager, item: Pick<AgendaItem, 'agendaId'>): Promise<string> {
    return (await em.findOneByOrFail(Agenda, { id: item.agendaId })).meetingId;
  }

  private findIn<T extends { id: string }>(em: EntityManager, entity: new () => T, ids: readonly (string | null)[]): Promise<T[]> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id && isUuid(id)))];
    return wanted.length ? em.find(entity, { where: { id: In(wanted) } as never }) : Promise.resolve([]);
  }
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}
