/** What kind of paper a document is. */
export enum DocumentType {
  AGENDA = 'AGENDA',
  SUMMARY_RECORD = 'SUMMARY_RECORD',
  REPORT = 'REPORT',
  PRESENTATION = 'PRESENTATION',
  PROPOSAL = 'PROPOSAL',
  PROGRESS_REPORT = 'PROGRESS_REPORT',
  INFORMATION_PAPER = 'INFORMATION_PAPER',
  OTHER = 'OTHER',
}

/** Why it is tabled, as its cover page says. */
export enum DocumentPurpose {
  INFORMATION = 'INFORMATION',
  CONSIDERATION = 'CONSIDERATION',
  DECISION = 'DECISION',
}

/** Who may read it: everyone, or signed-in members only. */
export enum DocumentAccess {
  PUBLIC = 'PUBLIC',
  RESTRICTED = 'RESTRICTED',
}

export enum DocumentStatus {
  REGISTERED = 'REGISTERED',
  WITHDRAWN = 'WITHDRAWN',
  SUPERSEDED = 'SUPERSEDED',
}
