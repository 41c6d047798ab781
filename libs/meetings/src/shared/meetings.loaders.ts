import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { byKeys, groupByKeys, loaderFor, RequestContext, UnitOfWork } from '@tel/core';
import { Agenda } from '../agendas/agenda.entity';
import { AgendaItem } from '../agendas/agenda-item.entity';
import { AgendaItemPresenter } from '../agendas/agenda-item-presenter.entity';
import { Group } from '../groups/group.entity';
import { OfficeTerm } from '../groups/office-term.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Economy } from '../parties/economy.entity';
import { Organization } from '../parties/organization.entity';
import { Party } from '../parties/party.interface';
import { Person } from '../parties/person.entity';
import { Session } from '../sessions/session.entity';

/**
 * Per-request batched reads of the meetings graph. Each method is one SQL statement per batch,
 * whatever the number of parents, so nested queries cost a fixed number of statements.
 */
@Injectable()
export class MeetingsLoaders {
  constructor(private readonly uow: UnitOfWork) {}

  private byId<T extends { id: string }>(ctx: RequestContext, entity: new () => T, name: string) {
    return loaderFor<string, T | null>(ctx, name, async (ids) => {
      const rows = await this.uow.manager.find(entity, { where: { id: In([...ids]) } as never });
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  economy(ctx: RequestContext, id: string | null): Promise<Economy | null> {
    return id ? this.byId(ctx, Economy, 'economy').load(id) : Promise.resolve(null);
  }
  organization(ctx: RequestContext, id: string | null): Promise<Organization | null> {
    return id ? this.byId(ctx, Organization, 'organization').load(id) : Promise.resolve(null);
  }
  person(ctx: RequestContext, id: string | null): Promise<Person | null> {
    return id ? this.byId(ctx, Person, 'person').load(id) : Promise.resolve(null);
  }
  group(ctx: RequestContext, id: string | null): Promise<Group | null> {
    return id ? this.byId(ctx, Group, 'group').load(id) : Promise.resolve(null);
  }
  meeting(ctx: RequestContext, id: string | null): Promise<Meeting | null> {
    return id ? this.byId(ctx, Meeting, 'meeting').load(id) : Promise.resolve(null);
  }
  session(ctx: RequestContext, id: string | null): Promise<Session | null> {
    return id ? this.byId(ctx, Session, 'session').load(id) : Promise.resolve(null);
  }
  agenda(ctx: RequestContext, id: string | null): Promise<Agenda | null> {
    return id ? this.byId(ctx, Agenda, 'agenda').load(id) : Promise.resolve(null);
  }
  agendaItem(ctx: RequestContext, id: string | null): Promise<AgendaItem | null> {
    return id ? this.byId(ctx, AgendaItem, 'agendaItem').load(id) : Promise.resolve(null);
  }

  meetingByCode(ctx: RequestContext, code: string): Promise<Meeting | null> {
    return loaderFor<string, Meeting | null>(ctx, 'meetingByCode', async (codes) => {
      const rows = await this.uow.manager.find(Meeting, { where: { code: In([...codes]) } });
      return byKeys(codes, rows, (r) => r.code);
    }).load(code);
  }

  sessionsOfMeeting(ctx: RequestContext, meetingId: string): Promise<Session[]> {
    return loaderFor<string, Session[]>(ctx, 'sessionsOfMeeting', async (ids) => {
      const rows = await this.uow.manager.find(Session, { where: { meetingId: In([...ids]) }, order: { startsAt: 'ASC', endsAt: 'ASC', title: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.meetingId);
    }).load(meetingId);
  }

  agendasOfMeeting(ctx: RequestContext, meetingId: string): Promise<Agenda[]> {
    return loaderFor<string, Agenda[]>(ctx, 'agendasOfMeeting', async (ids) => {
      const rows = await this.uow.manager.find(Agenda, { where: { meetingId: In([...ids]) }, order: { title: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.meetingId);
    }).load(meetingId);
  }

  topItemsOfAgenda(ctx: RequestContext, agendaId: string): Promise<AgendaItem[]> {
    return loaderFor<string, AgendaItem[]>(ctx, 'topItemsOfAgenda', async (ids) => {
      const rows = await this.uow.manager.find(AgendaItem, { where: { agendaId: In([...ids]), parentId: IsNull() }, order: { position: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.agendaId);
    }).load(agendaId);
  }

  childrenOfItem(ctx: RequestContext, itemId: string): Promise<AgendaItem[]> {
    return loaderFor<string, AgendaItem[]>(ctx, 'childrenOfItem', async (ids) => {
      const rows = await this.uow.manager.find(AgendaItem, { where: { parentId: In([...ids]) }, order: { position: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.parentId!);
    }).load(itemId);
  }

  itemsOfSession(ctx: RequestContext, sessionId: string): Promise<AgendaItem[]> {
    return loaderFor<string, AgendaItem[]>(ctx, 'itemsOfSession', async (ids) => {
      const rows = await this.uow.manager.find(AgendaItem, { where: { sessionId: In([...ids]) }, order: { number: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.sessionId!);
    }).load(sessionId);
  }

  /** Presenters in order, as parties. One statement for the rows, then the parties batch by kind. */
  async presentersOfItem(ctx: RequestContext, itemId: string): Promise<Party[]> {
    const rows = await loaderFor<string, AgendaItemPresenter[]>(ctx, 'presentersOfItem', async (ids) => {
      const found = await this.uow.manager.find(AgendaItemPresenter, { where: { agendaItemId: In([...ids]) }, order: { position: 'ASC' } });
      return groupByKeys(ids, found, (r) => r.agendaItemId);
    }).load(itemId);
    const parties = await Promise.all(
      rows.map((r) => (r.economyId ? this.economy(ctx, r.economyId) : r.organizationId ? this.organization(ctx, r.organizationId) : this.person(ctx, r.personId))),
    );
    return parties.filter((p): p is Economy | Organization | Person => p !== null);
  }

  officeTermsOfGroup(ctx: RequestContext, groupId: string): Promise<OfficeTerm[]> {
    return loaderFor<string, OfficeTerm[]>(ctx, 'officeTermsOfGroup', async (ids) => {
      const rows = await this.uow.manager.find(OfficeTerm, { where: { groupId: In([...ids]) }, order: { role: 'ASC', createdAt: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.groupId);
    }).load(groupId);
  }

  childrenOfGroup(ctx: RequestContext, groupId: string): Promise<Group[]> {
    return loaderFor<string, Group[]>(ctx, 'childrenOfGroup', async (ids) => {
      const rows = await this.uow.manager.find(Group, { where: { parentId: In([...ids]) }, order: { code: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.parentId!);
    }).load(groupId);
  }

  /** The meetings a group holds (its own meetings, e.g. TEL's TEL37, TEL38 …), by number. */
  meetingsOfGroup(ctx: RequestContext, groupId: string): Promise<Meeting[]> {
    return loaderFor<string, Meeting[]>(ctx, 'meetingsOfGroup', async (ids) => {
      const rows = await this.uow.manager.find(Meeting, { where: { groupId: In([...ids]) }, order: { number: 'ASC', startDate: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.groupId);
    }).load(groupId);
  }
}
