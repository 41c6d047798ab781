/**
 * The shape of the seed data set. Every record carries `source`: where in the TEL37 delegation
 * report (../shared/corpus/tel37-trip-report.zh.txt) the fact comes from, so each is traceable.
 * Keys (`code`, `key`) are natural keys: the loader finds existing rows by them, so a second run
 * changes nothing.
 */

/** e.g. "annex 3 (timetable)", "§3.6 minutes, SPSG item 3(c)", "annex 1 (delegation list)". */
export type Source = string;

export type OrganizationKind = 'SECRETARIAT' | 'INTERGOVERNMENTAL' | 'BUSINESS_ASSOCIATION' | 'USER_ASSOCIATION' | 'COMPANY' | 'GOVERNMENT_AGENCY' | 'RESEARCH_INSTITUTE' | 'OTHER';

export interface SeedEconomy {
  code: string; // AUS, BD, CDA, ... as DOMAIN.md suggests
  name: string; // as APEC writes it
  attendedTel37: boolean;
  source: Source;
}

export interface SeedOrganization {
  code: string; // short, unique, upper case: APEC-SEC, INTUG, GBDE, ITU, OECD, SIFT, NCC, NCHC, KISA, ...
  name: string;
  kind: OrganizationKind;
  economyCode?: string; // for national bodies and companies
  /** True for the observers/guests that take part in TEL without being economies. */
  participant: boolean;
  source: Source;
}

export interface SeedPerson {
  key: string; // stable natural key, kebab-case of the English name: "jinhyun-cho"
  name: string; // English name as the report writes it
  nameLocal?: string; // e.g. the Chinese name from the delegation list
  honorific?: string; // Mr. / Ms. / Dr.
  title?: string; // job title
  organizationCode?: string;
  economyCode?: string;
  email?: string;
  /** Member of the Chinese Taipei delegation (annex 1). */
  delegationOf?: string; // meeting code, e.g. "TEL37"
  source: Source;
}

export type GroupKind = 'APEC_BODY' | 'WORKING_GROUP' | 'STEERING_GROUP' | 'TASK_FORCE' | 'MINISTERIAL';

export interface SeedGroup {
  code: string; // TEL, LSG, DSG, SPSG, MRATF, SOM, BMC, CTTF
  name: string;
  kind: GroupKind;
  parentCode?: string;
  description?: string;
  source: Source;
}

export type OfficeRole = 'CHAIR' | 'CONVENOR' | 'VICE_CONVENOR';

export interface SeedOfficeTerm {
  groupCode: string;
  role: OfficeRole;
  personKey?: string; // absent when the report names only the economy
  economyCode: string;
  fromMeetingCode?: string; // absent: began before the first meeting we know
  toMeetingCode?: string; // absent: still in office; present: left office at that meeting
  note?: string;
  source: Source;
}

export type MeetingStatus = 'PLANNED' | 'HELD';

export interface SeedMeeting {
  code: string; // TEL37
  number: number; // 37
  title: string;
  groupCode: string; // TEL
  hostEconomyCode?: string;
  city?: string;
  venue?: string;
  venueLocalName?: string;
  startDate?: string; // YYYY-MM-DD
  endDate?: string;
  timeZone?: string; // IANA
  status: MeetingStatus;
  notes?: string;
  source: Source;
}

export type SessionKind =
  'PLENARY' | 'STEERING_GROUP_MEETING' | 'WORKSHOP' | 'TASK_FORCE_MEETING' | 'ROUNDTABLE' | 'HEADS_OF_DELEGATION' | 'EXECUTIVE_COMMITTEE' | 'SOCIAL_EVENT' | 'SITE_VISIT' | 'OTHER';

export interface SeedSession {
  meetingCode: string;
  kind: SessionKind;
  groupCode?: string;
  title: string;
  startsAt: string; // local wall time in the meeting's zone: "2008-03-26T14:00"
  endsAt: string;
  /** True where the report gives only AM/PM/all day/evening and the hour is DOMAIN.md's convention. */
  timeIsConventional: boolean;
  tentative?: boolean;
  leadEconomyCode?: string; // the economy that runs a workshop
  note?: string;
  source: Source;
}

/** One presenter: exactly one of the three. */
export type SeedPresenter = { economyCode: string } | { organizationCode: string } | { personKey: string };

export interface SeedAgendaItem {
  label: string; // "3", "f"
  title: string;
  presenters?: SeedPresenter[];
  /** Which session the item was taken in: its index in the meeting's sessions of this agenda's group, by start time. */
  sessionStartsAt?: string; // local wall time of that session, e.g. "2008-03-26T14:00"
  outcome?: string; // our own summary of the minutes, in our words
  children?: SeedAgendaItem[];
  source: Source;
}

export interface SeedAgenda {
  meetingCode: string;
  groupCode: string; // TEL for the plenary agenda
  title: string;
  adopted: boolean;
  items: SeedAgendaItem[];
  source: Source;
}

export interface SeedDataSet {
  economies: SeedEconomy[];
  organizations: SeedOrganization[];
  groups: SeedGroup[];
  persons: SeedPerson[];
  meetings: SeedMeeting[];
  officeTerms: SeedOfficeTerm[];
  sessions: SeedSession[];
  agendas: SeedAgenda[];
}
