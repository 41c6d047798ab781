import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { AppError, isUuid, PreparedFind } from '@tel/core';
import { Agenda } from '../agendas/agenda.entity';
import { Group } from '../groups/group.entity';
import { OfficeRole, OfficeTerm } from '../groups/office-term.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Economy } from '../parties/economy.entity';
import { Organization } from '../parties/organization.entity';
import { Person } from '../parties/person.entity';
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Names a party: exactly one of the three. */
@InputType()
export class PartyRefInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  economyCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(24)
  organizationCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  personId?: string | null;
}

export type ResolvedParty = { economyId: string | null; organizationId: string | null; personId: string | null };

/** The hot lookups by code, their statements built once (`PreparedFind`): a meeting's or document's page starts with one. */
const MEETING_BY_CODE = new PreparedFind(Meeting, 'code');
const GROUP_BY_CODE = new PreparedFind(Group, 'code');
const ECONOMY_BY_CODE = new PreparedFind(Economy, 'code');

/** Finds things by their natural keys, answering NOT_FOUND / BAD_USER_INPUT in the house style. */
@Injectable()
export class LookupService {
  /** The groups with these ids (those that exist), for libraries that hold group ids. */
  groupsByIds(em: EntityManager, ids: string[]): Promise<Group[]> {
    return ids.length ? em.find(Group, { where: { id: In([...new Set(ids)]) } }) : Promise.resolve([]);
  }

  /** The economies with these codes (those that exist), for loaders of other libraries. */
  economiesByCodes(em: EntityManager, codes: readonly string[]): Promise<Economy[]> {
    return codes.length ? em.find(Economy, { where: { code: In([...new Set(codes)]) } }) : Promise.resolve([]);
  }

  /** The meetings of a group (e.g. TEL's, where the steering groups meet), by number. */
  meetingsOfGroup(em: EntityManager, groupId: string): Promise<Meeting[]> {
    return em.find(Meeting, { where: { groupId }, order: { number: 'ASC', code: 'ASC' } });
  }

  /** Whether the person holds `role` of the group now (a term with no end): e.g. the TEL Chair. */
  holdsOfficeNow(em: EntityManager, groupId: string, role: OfficeRole, personId: string): Promise<boolean> {
    return em.exists(OfficeTerm, { where: { groupId, role, personId, toMeetingId: IsNull() } });
  }

  /** Every group and every meeting (the approvals board lays them all out). */
  async groupsAndMeetings(em: EntityManager): Promise<{ groups: Group[]; meetings: Meeting[] }> {
    return { groups: await em.find(Group), meetings: await em.find(Meeting) };
  }

  async meetingByCode(em: EntityManager, code: string): Promise<Meeting> {
    const meeting = await MEETING_BY_CODE.one(em, normalizeCode(code));
    if (!meeting) throw AppError.notFound('MEETING_NOT_FOUND', 'Meeting', code);
    return meeting;
  }

  async groupByCode(em: EntityManager, code: string): Promise<Group> {
    const group = await GROUP_BY_CODE.one(em, normalizeCode(code));
    if (!group) throw AppError.notFound('GROUP_NOT_FOUND', 'Group', code);
    return group;
  }

  async economyByCode(em: EntityManager, code: string): Promise<Economy> {
    const economy = await ECONOMY_BY_CODE.one(em, normalizeCode(code));
    if (!economy) throw AppError.notFound('ECONOMY_NOT_FOUND', 'Economy', code);
    return economy;
  }

  async agenda(em: EntityManager, id: string): Promise<Agenda> {
    const agenda = isUuid(id) ? await em.findOne(Agenda, { where: { id } }) : null;
    if (!agenda) throw AppError.notFound('AGENDA_NOT_FOUND', 'Agenda', id);
    return agenda;
  }

  async party(em: EntityManager, ref: PartyRefInput): Promise<ResolvedParty> {
    const given = [ref.economyCode, ref.organizationCode, ref.personId].filter((v) => v !== undefined && v !== null && v !== '');
    if (given.length !== 1) throw AppError.badInput('SUBMITTER_INVALID', 'A presenter names exactly one of economyCode, organizationCode or personId');
    if (ref.economyCode) return { economyId: (await this.economyByCode(em, ref.economyCode)).id, organizationId: null, personId: null };
    if (ref.organizationCode) {
      const org = await em.findOne(Organization, { where: { code: normalizeCode(ref.organizationCode) } });
      if (!org) throw AppError.notFound('ORGANIZATION_NOT_FOUND', 'Organization', ref.organizationCode);
      return { economyId: null, organizationId: org.id, personId: null };
    }
    const person = isUuid(ref.personId!) ? await em.findOne(Person, { where: { id: ref.personId! } }) : null;
    if (!person) throw AppError.notFound('PERSON_NOT_FOUND', 'Person', ref.personId!);
    return { economyId: null, organizationId: null, personId: person.id };
  }
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
