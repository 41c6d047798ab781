import { EntityManager, IsNull } from 'typeorm';
import { newId, UnitOfWork } from '@tel/core';
import {
  Agenda,
  AgendaItem,
  AgendaItemPresenter,
  AgendaStatus,
  Economy,
  Group,
  Meeting,
  MeetingDelegate,
  OfficeRole,
  OfficeTerm,
  Organization,
  Person,
  Session,
} from '@tel/meetings';
import { SeedAgendaItem, SeedDataSet, SeedPresenter } from './types';

export type SeedCounts = Record<string, number>;

/**
 * Loads a seed data set, inserting only what is missing (found by natural keys), so a second
 * run changes nothing and the secretariat's later edits are never overwritten.
 * Returns how many rows of each kind were inserted.
 */
export async function loadSeed(uow: UnitOfWork, data: SeedDataSet): Promise<SeedCounts> {
  return uow.write((em) => new SeedLoader(em, data).run());
}

class SeedLoader {
  private readonly counts: SeedCounts = {};
  private readonly economies = new Map<string, string>();
  private readonly organizations = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  private readonly persons = new Map<string, string>();
  private readonly meetings = new Map<string, string>();

  constructor(
    private readonly em: EntityManager,
    private readonly data: SeedDataSet,
  ) {}

  async run(): Promise<SeedCounts> {
    for (const e of this.data.economies) {
      this.economies.set(e.code, await this.ensure(Economy, { code: e.code }, { name: e.name }));
    }
    for (const o of this.data.organizations) {
      this.organizations.set(
        o.code,
        await this.ensure(Organization, { code: o.code }, { name: o.name, kind: o.kind, participant: o.participant, economyId: this.ref(this.economies, o.economyCode) }),
      );
    }
    // Parents before children: repeat until every group is placed.
    const pending = [...this.data.groups];
    while (pending.length) {
      const index = pending.findIndex((g) => !g.parentCode || this.groups.has(g.parentCode));
      if (index < 0) throw new Error(`seed: group parents do not resolve: ${pending.map((g) => g.code).join(', ')}`);
      const [g] = pending.splice(index, 1);
      this.groups.set(
        g.code,
        await this.ensure(Group, { code: g.code }, { name: g.name, kind: g.kind, parentId: this.ref(this.groups, g.parentCode), description: g.description ?? null }),
      );
    }
    for (const p of this.data.persons) {
      this.persons.set(
        p.key,
        await this.ensure(
          Person,
          { seedKey: p.key },
          {
            name: p.name,
            nameLocal: p.nameLocal ?? null,
            honorific: p.honorific ?? null,
            title: p.title ?? null,
            organizationId: this.ref(this.organizations, p.organizationCode),
            economyId: this.ref(this.economies, p.economyCode),
            email: p.email ?? null,
          },
        ),
      );
    }
    for (const m of this.data.meetings) {
      this.meetings.set(
        m.code,
        await this.ensure(
          Meeting,
          { code: m.code },
          {
            number: m.number,
            title: m.title,
            groupId: this.ref(this.groups, m.groupCode)!,
            hostEconomyId: this.ref(this.economies, m.hostEconomyCode),
            city: m.city ?? null,
            venue: m.venue ?? null,
            venueLocalName: m.venueLocalName ?? null,
            startDate: m.startDate ?? null,
            endDate: m.endDate ?? null,
            timeZone: m.timeZone ?? null,
            status: m.status,
            notes: m.notes ?? null,
          },
        ),
      );
    }
    for (const p of this.data.persons.filter((x) => x.delegationOf)) {
      await this.ensure(
        MeetingDelegate,
        { meetingId: this.ref(this.meetings, p.delegationOf)!, personId: this.persons.get(p.key)! },
        { economyId: this.ref(this.economies, p.economyCode) },
      );
    }
    for (const t of this.data.officeTerms) {
      const key = {
        groupId: this.ref(this.groups, t.groupCode)!,
        role: t.role as OfficeRole,
        economyId: this.ref(this.economies, t.economyCode)!,
        personId: t.personKey ? this.ref(this.persons, t.personKey)! : IsNull(),
        fromMeetingId: t.fromMeetingCode ? this.ref(this.meetings, t.fromMeetingCode)! : IsNull(),
        toMeetingId: t.toMeetingCode ? this.ref(this.meetings, t.toMeetingCode)! : IsNull(),
      };
      await this.ensure(OfficeTerm, key, { note: t.note ?? null });
    }
    for (const s of this.data.sessions) {
      await this.ensure(
        Session,
        { meetingId: this.ref(this.meetings, s.meetingCode)!, title: s.title, startsAt: s.startsAt },
        {
          kind: s.kind,
          groupId: this.ref(this.groups, s.groupCode),
          endsAt: s.endsAt,
          timeIsConventional: s.timeIsConventional,
          tentative: s.tentative ?? false,
          leadEconomyId: this.ref(this.economies, s.leadEconomyCode),
          note: s.note ?? null,
        },
      );
    }
    for (const a of this.data.agendas) {
      const meetingId = this.ref(this.meetings, a.meetingCode)!;
      const agendaId = await this.ensure(
        Agenda,
        { meetingId, groupId: this.ref(this.groups, a.groupCode)! },
        {
          title: a.title,
          status: a.adopted ? AgendaStatus.ADOPTED : AgendaStatus.DRAFT,
          adoptedAt: null,
        },
      );
      await this.items(agendaId, meetingId, a.groupCode, null, null, a.items);
    }
    return this.counts;
  }

  private async items(agendaId: string, meetingId: string, groupCode: string, parentId: string | null, parentNumber: string | null, items: SeedAgendaItem[]): Promise<void> {
    for (const [index, item] of items.entries()) {
      const number = parentNumber ? `${parentNumber}.${item.label}` : item.label;
      let sessionId: string | null = null;
      if (item.sessionStartsAt) {
        const session = await this.em.findOne(Session, { where: { meetingId, startsAt: item.sessionStartsAt, groupId: this.ref(this.groups, groupCode)! } });
        if (!session) throw new Error(`seed: no ${groupCode} session at ${item.sessionStartsAt} for item ${number}`);
        sessionId = session.id;
      }
      const existing = await this.em.findOne(AgendaItem, { where: { agendaId, number } });
      let id = existing?.id;
      if (!existing) {
        id = newId();
        await this.em.insert(AgendaItem, { id, agendaId, parentId, position: index + 1, label: item.label, number, title: item.title, outcome: item.outcome ?? null, sessionId });
        this.bump('AgendaItem');
        for (const [position, presenter] of (item.presenters ?? []).entries()) {
          await this.em.insert(AgendaItemPresenter, { id: newId(), agendaItemId: id, position: position + 1, ...this.presenter(presenter) });
          this.bump('AgendaItemPresenter');
        }
      }
      await this.items(agendaId, meetingId, groupCode, id!, number, item.children ?? []);
    }
  }

  private presenter(p: SeedPresenter): { economyId: string | null; organizationId: string | null; personId: string | null } {
    if ('economyCode' in p) return { economyId: this.ref(this.economies, p.economyCode)!, organizationId: null, personId: null };
    if ('organizationCode' in p) return { economyId: null, organizationId: this.ref(this.organizations, p.organizationCode)!, personId: null };
    return { economyId: null, organizationId: null, personId: this.ref(this.persons, p.personKey)! };
  }

  private ref(map: Map<string, string>, key: string | undefined): string | null {
    if (!key) return null;
    const id = map.get(key);
    if (!id) throw new Error(`seed: unknown reference "${key}"`);
    return id;
  }

  private bump(kind: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  /** Finds a row by its natural key or inserts it; returns its id. */
  private async ensure<T extends { id: string }>(entity: new () => T, key: Record<string, unknown>, rest: Record<string, unknown>): Promise<string> {
    const existing = await this.em.findOne(entity, { where: key as never });
    if (existing) return existing.id;
    const id = newId();
    const values = Object.fromEntries(Object.entries(key).filter(([, v]) => typeof v !== 'object' || v === null));
    await this.em.insert(entity, { id, ...values, ...rest } as never);
    this.bump(entity.name);
    return id;
  }
}
