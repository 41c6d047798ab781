import type { SeedAgendaItem, SeedPresenter } from '../types';
import { tel37 } from './index';

const { economies, organizations, groups, persons, meetings, officeTerms, sessions, agendas } = tel37;

const codes = <T>(rows: T[], key: (row: T) => string) => new Set(rows.map(key));
const economyCodes = codes(economies, (e) => e.code);
const organizationCodes = codes(organizations, (o) => o.code);
const groupCodes = codes(groups, (g) => g.code);
const personKeys = codes(persons, (p) => p.key);
const meetingCodes = codes(meetings, (m) => m.code);

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

/** Every item of an agenda, top level and children, depth first. */
const flatten = (items: SeedAgendaItem[]): SeedAgendaItem[] => items.flatMap((item) => [item, ...flatten(item.children ?? [])]);

const agenda = (groupCode: string) => {
  const found = agendas.find((a) => a.meetingCode === 'TEL37' && a.groupCode === groupCode);
  if (!found) throw new Error(`no TEL37 ${groupCode} agenda`);
  return found;
};

describe('TEL37 seed data set', () => {
  describe('keys', () => {
    it.each([
      ['economies', economies.map((e) => e.code)],
      ['organizations', organizations.map((o) => o.code)],
      ['groups', groups.map((g) => g.code)],
      ['persons', persons.map((p) => p.key)],
      ['meetings', meetings.map((m) => m.code)],
    ])('%s have unique keys', (_name, keys) => {
      expect(duplicates(keys)).toEqual([]);
    });

    it('person keys are kebab-case', () => {
      for (const p of persons) expect(p.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('organization codes are short upper-case codes', () => {
      for (const o of organizations) expect(o.code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
    });

    it('session (meeting, group, start, title) combinations are unique', () => {
      expect(duplicates(sessions.map((s) => `${s.meetingCode}|${s.groupCode ?? ''}|${s.startsAt}|${s.title}`))).toEqual([]);
    });

    it('agenda item labels are unique among siblings', () => {
      const check = (items: SeedAgendaItem[]) => {
        expect(duplicates(items.map((i) => i.label))).toEqual([]);
        items.forEach((i) => check(i.children ?? []));
      };
      agendas.forEach((a) => check(a.items));
    });
  });

  describe('economies', () => {
    it('are the 21 APEC members, 18 of which attended TEL37', () => {
      expect(economies).toHaveLength(21);
      expect(economies.filter((e) => e.attendedTel37)).toHaveLength(18);
      expect(
        economies
          .filter((e) => !e.attendedTel37)
          .map((e) => e.code)
          .sort(),
      ).toEqual(['BD', 'MEX', 'RUS']);
    });
  });

  describe('references resolve', () => {
    const expectEconomy = (code: string | undefined) => {
      if (code !== undefined) expect(economyCodes).toContain(code);
    };
    const expectGroup = (code: string | undefined) => {
      if (code !== undefined) expect(groupCodes).toContain(code);
    };
    const expectMeeting = (code: string | undefined) => {
      if (code !== undefined) expect(meetingCodes).toContain(code);
    };

    it('organizations → economies', () => organizations.forEach((o) => expectEconomy(o.economyCode)));

    it('persons → organizations, economies, meetings', () => {
      for (const p of persons) {
        if (p.organizationCode !== undefined) expect(organizationCodes).toContain(p.organizationCode);
        expectEconomy(p.economyCode);
        expectMeeting(p.delegationOf);
      }
    });

    it('groups → parent groups, with SOM the only root and no cycles', () => {
      expect(groups.filter((g) => g.parentCode === undefined).map((g) => g.code)).toEqual(['SOM']);
      for (const g of groups) {
        expectGroup(g.parentCode);
        const seen = new Set<string>();
        for (let cur: string | undefined = g.code; cur; cur = groups.find((x) => x.code === cur)?.parentCode) {
          expect(seen.has(cur)).toBe(false);
          seen.add(cur);
        }
      }
    });

    it('meetings → groups, economies', () => {
      for (const m of meetings) {
        expectGroup(m.groupCode);
        expectEconomy(m.hostEconomyCode);
      }
    });

    it('office terms → groups, persons, economies, meetings', () => {
      for (const t of officeTerms) {
        expectGroup(t.groupCode);
        expectEconomy(t.economyCode);
        if (t.personKey !== undefined) expect(personKeys).toContain(t.personKey);
        expectMeeting(t.fromMeetingCode);
        expectMeeting(t.toMeetingCode);
      }
    });

    it('sessions → meetings, groups, economies', () => {
      for (const s of sessions) {
        expectMeeting(s.meetingCode);
        expectGroup(s.groupCode);
        expectEconomy(s.leadEconomyCode);
      }
    });

    it('agendas → meetings, groups; presenters → economies, organizations, persons', () => {
      const expectPresenter = (p: SeedPresenter) => {
        const keys = Object.keys(p);
        expect(keys).toHaveLength(1);
        if ('economyCode' in p) expect(economyCodes).toContain(p.economyCode);
        if ('organizationCode' in p) expect(organizationCodes).toContain(p.organizationCode);
        if ('personKey' in p) expect(personKeys).toContain(p.personKey);
      };
      for (const a of agendas) {
        expectMeeting(a.meetingCode);
        expectGroup(a.groupCode);
        flatten(a.items).forEach((i) => (i.presenters ?? []).forEach(expectPresenter));
      }
    });

    it("an agenda item's sessionStartsAt names a session of the agenda's meeting and group", () => {
      for (const a of agendas) {
        const starts = sessions.filter((s) => s.meetingCode === a.meetingCode && s.groupCode === a.groupCode).map((s) => s.startsAt);
        for (const i of flatten(a.items)) if (i.sessionStartsAt !== undefined) expect(starts).toContain(i.sessionStartsAt);
      }
    });
  });

  describe('agendas', () => {
    it('the plenary agenda has 12 items, labelled 1..12', () => {
      const plenary = agenda('TEL');
      expect(plenary.items.map((i) => i.label)).toEqual(Array.from({ length: 12 }, (_, n) => String(n + 1)));
      expect(plenary.adopted).toBe(true);
    });

    it('the SPSG agenda has 13 top-level items and item 3 has 8 sub-items a..h', () => {
      const spsg = agenda('SPSG');
      expect(spsg.items.map((i) => i.label)).toEqual(Array.from({ length: 13 }, (_, n) => String(n + 1)));
      const item3 = spsg.items.find((i) => i.label === '3');
      expect(item3?.children?.map((c) => c.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
      expect(spsg.adopted).toBe(true);
    });

    it('keeps the presenters the brief calls out', () => {
      const spsg = agenda('SPSG');
      const child = (top: string, sub: string) => spsg.items.find((i) => i.label === top)?.children?.find((c) => c.label === sub);
      expect(child('3', 'h')?.presenters).toEqual([{ economyCode: 'USA' }, { economyCode: 'ROK' }]);
      expect(child('7', 'a')?.presenters).toEqual([{ economyCode: 'AUS' }, { economyCode: 'USA' }]);
      expect(child('9', 'a')?.presenters).toEqual([{ personKey: 'nick-elsmore' }]);
    });
  });

  describe('sessions', () => {
    const wallTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

    it('are local wall times within 23–28 March 2008 and end after they start', () => {
      for (const s of sessions) {
        expect(s.startsAt).toMatch(wallTime);
        expect(s.endsAt).toMatch(wallTime);
        expect(s.startsAt >= '2008-03-23T00:00').toBe(true);
        expect(s.endsAt <= '2008-03-28T23:59').toBe(true);
        expect(s.endsAt > s.startsAt).toBe(true);
        expect(s.endsAt.slice(0, 10)).toBe(s.startsAt.slice(0, 10));
      }
    });

    it('the three SPSG workshops each name their lead economy', () => {
      const leads = sessions.filter((s) => s.groupCode === 'SPSG' && s.kind === 'WORKSHOP').map((s) => [s.startsAt.slice(0, 10), s.leadEconomyCode]);
      expect(leads).toEqual([
        ['2008-03-23', 'PRC'],
        ['2008-03-24', 'JPN'],
        ['2008-03-25', 'MAS'],
      ]);
    });
  });

  describe('persons', () => {
    it('exactly 19 are members of the Chinese Taipei delegation to TEL37', () => {
      const delegates = persons.filter((p) => p.delegationOf === 'TEL37');
      expect(delegates).toHaveLength(19);
      for (const d of delegates) {
        expect(d.economyCode).toBe('CT');
        expect(d.nameLocal).toBeTruthy();
        expect(d.honorific).toBeTruthy();
        expect(d.title).toBeTruthy();
        expect(d.organizationCode).toBeTruthy();
      }
    });
  });

  it('every record says where in the report it comes from', () => {
    const records: { source: string }[] = [
      ...economies,
      ...organizations,
      ...groups,
      ...persons,
      ...meetings,
      ...officeTerms,
      ...sessions,
      ...agendas,
      ...agendas.flatMap((a) => flatten(a.items)),
    ];
    for (const r of records) expect(r.source.trim()).not.toBe('');
  });
});
