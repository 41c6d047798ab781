import { DocumentAccess, DocumentPurpose, DocumentStatus, DocumentType } from './document.enums';

/** How people read the documents' enums (CSV exports, mail): one table per enum, every value in it. */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  AGENDA: 'Agenda',
  SUMMARY_RECORD: 'Summary record',
  REPORT: 'Report',
  PRESENTATION: 'Presentation',
  PROPOSAL: 'Proposal',
  PROGRESS_REPORT: 'Progress report',
  INFORMATION_PAPER: 'Information paper',
  OTHER: 'Other',
};

export const DOCUMENT_PURPOSE_LABELS: Record<DocumentPurpose, string> = {
  INFORMATION: 'For information',
  CONSIDERATION: 'For consideration',
  DECISION: 'For decision',
};

export const DOCUMENT_ACCESS_LABELS: Record<DocumentAccess, string> = {
  PUBLIC: 'Public',
  RESTRICTED: 'Restricted',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  REGISTERED: 'Registered',
  WITHDRAWN: 'Withdrawn',
  SUPERSEDED: 'Superseded',
};
