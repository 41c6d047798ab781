import type { Source } from '../types';

export type SeedDocumentType = 'AGENDA' | 'SUMMARY_RECORD' | 'REPORT' | 'PRESENTATION' | 'PROPOSAL' | 'PROGRESS_REPORT' | 'INFORMATION_PAPER' | 'OTHER';
export type SeedPurpose = 'INFORMATION' | 'CONSIDERATION' | 'DECISION';
export type SeedAccess = 'PUBLIC' | 'RESTRICTED';

/** A sample file, generated from text we wrote: never the original paper. */
export interface SeedFile {
  /** File name as uploaded; its extension decides the format (pdf, txt, html). */
  name: string;
  /** Paragraphs after the cover block; PDF prints ASCII only, so Chinese goes in txt or html. */
  body: string[];
  /** Language of the body when it is not the document's (e.g. a Chinese summary of an English paper). */
  language?: string;
}

export interface SeedRevision {
  number: number;
  note?: string;
  files: SeedFile[];
}

export interface SeedDocument {
  /** Canonical symbol, e.g. 2008-TELWG37-SPSG-006. Symbols the report does not give are ours (see `source`). */
  symbol: string;
  title: string;
  type: SeedDocumentType;
  purpose: SeedPurpose;
  access: SeedAccess;
  language: string;
  groupCode: string;
  submittedBy?: { economyCode: string } | { organizationCode: string };
  /** The session it was tabled at: group and local start time, as in seed/tel37/sessions.ts. */
  session?: { groupCode: string; startsAt: string };
  /** The agenda item it was tabled under: agenda group and canonical number ("3.b"). */
  agendaItem?: { groupCode: string; number: string };
  revisions: SeedRevision[];
  source: Source;
}
