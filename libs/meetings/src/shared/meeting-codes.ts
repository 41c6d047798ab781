import { Injectable, Module } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Group } from '../groups/group.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Economy } from '../parties/economy.entity';
import { Organization } from '../parties/organization.entity';
import { normalizeCode } from './lookup.service';

/** The ids to name; each list may repeat ids or be empty. */
export interface CodeQuery {
  meetingIds?: readonly string[];
  groupIds?: readonly string[];
  economyIds?: readonly string[];
  organizationIds?: readonly string[];
}

/** Codes by id; an id that names nothing is absent. An organization maps to its economy's code, if it has one. */
export interface Codes {
  meetings: Map<string, string>;
  groups: Map<string, string>;
  economies: Map<string, string>;
  economyOfOrganization: Map<string, string>;
}

const unique = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])];

/**
 * The codes of meetings, groups and parties by id, and meetings by code, for libraries that keep
 * ids and need labels (the search index's facets). Batched: at most five statements per call,
 * however many ids are asked. Reads in the caller's transaction.
 */
@Injectable()
export class MeetingCodes {
  async codes(em: EntityManager, query: CodeQuery): Promise<Codes> {
    // One after another: `em` is often a transaction's, one connection, on which node-postgres
    // deprecates a query sent while another runs (an error in pg 9); it would run them in turn anyway.
    const meetings = unique(query.meetingIds).length ? await em.find(Meeting, { where: { id: In(unique(query.meetingIds)) }, select: { id: true, code: true } }) : [];
    const groups = unique(query.groupIds).length ? await em.find(Group, { where: { id: In(unique(query.groupIds)) }, select: { id: true, code: true } }) : [];
    const organizations = unique(query.organizationIds).length
      ? await em.find(Organization, { where: { id: In(unique(query.organizationIds)) }, select: { id: true, economyId: true } })
      : [];
    const economyIds = unique([...(query.economyIds ?? []), ...organizations.flatMap((o) => (o.economyId ? [o.economyId] : []))]);
    const economies = economyIds.length ? await em.find(Economy, { where: { id: In(economyIds) }, select: { id: true, code: true } }) : [];
    const economyCode = new Map(economies.map((e) => [e.id, e.code]));
    const economyOfOrganization = new Map<string, string>();
    for (const o of organizations) if (o.economyId && economyCode.has(o.economyId)) economyOfOrganization.set(o.id, economyCode.get(o.economyId)!);
    return {
      meetings: new Map(meetings.map((m) => [m.id, m.code])),
      groups: new Map(groups.map((g) => [g.id, g.code])),
      economies: economyCode,
      economyOfOrganization,
    };
  }

  /** The id of the meeting with this code (any case), or null. */
  async meetingIdByCode(em: EntityManager, code: string): Promise<string | null> {
    return (await em.findOne(Meeting, { where: { code: normalizeCode(code) }, select: { id: true } }))?.id ?? null;
  }
}

/** MeetingCodes alone, for processes without the GraphQL API (the worker). */
@Module({ providers: [MeetingCodes], exports: [MeetingCodes] })
export class MeetingCodesModule {}
