import type { CombinedError } from 'urql';

/**
 * What went wrong with an action, in words: from the error's `reason` (docs/ERRORS.md), never
 * from its message. `field` is the form field at fault (the API's path without `input.`).
 */
export interface ActionError {
  field: string | null;
  reason: string | null;
  message: string;
}

/** Words for the reasons the desk's actions can meet; {field} becomes the field's label. */
const WORDS: Record<string, string> = {
  FIELD_REQUIRED: 'Enter {field}',
  INPUT_INVALID: '{field} is not valid',
  DATE_MALFORMED: 'Write {field} as a date, for example 2008-03-28',
  DATE_ORDER: '{field} is before an earlier date it must follow (the previous decision, or when the overseer signed)',
  DATE_OUT_OF_RANGE: '{field} is outside the dates allowed here (in the future, or outside its meeting)',
  REPORT_DATE_INVALID: 'The date received must be a date (YYYY-MM-DD), on or after the day the overseer signed',
  REPORT_NOT_DRAFT: 'The report is no longer in a state that allows this: someone handled it meanwhile. The list now shows where it is',
  REPORT_NOT_FOUND: 'That report is gone or you may not see it',
  MEETING_NOT_FOUND: 'There is no meeting with that code',
  GROUP_NOT_FOUND: 'There is no group with that code',
  DOCUMENT_NOT_FOUND: 'No document with that symbol is registered',
  REVISION_NOT_FOUND: 'The document has no such revision',
  FILE_NOT_FOUND: 'That file is gone or you may not see it',
  SYMBOL_MALFORMED: 'That is not a document symbol (write it like 2008-TELWG37-SPSG-006)',
  SYMBOL_YEAR_REQUIRED: 'The meeting has no dates yet, so the year of the symbol must be given',
  LANGUAGE_UNKNOWN: 'That language tag is not known (use en, zh-Hant, ja, ko …)',
  REFERENCE_ELSEWHERE: '{field} belongs to another meeting or group',
  SUBMITTER_INVALID: 'The submitter is not an economy or organization on record',
  DOCUMENT_EXISTS: 'A document with that symbol is registered already',
  REVISION_EXISTS: 'The document has that revision already',
  REVISION_NOT_NEXT: 'Revisions only go forward: that number is below the latest',
  DOCUMENT_CLOSED: 'The document is withdrawn or superseded: it takes no new revisions or files',
  FILE_EXISTS: 'The revision already has a file with that name or the same content',
  UPLOAD_TOO_LARGE: 'The file is larger than the server accepts',
  UPLOAD_EMPTY: 'The file is empty',
  UPLOAD_TYPE_REFUSED: 'Files of this type are not accepted (send PDF, Word, text, HTML …)',
  UPLOAD_MALFORMED: 'The upload arrived incomplete; try again',
  UPLOAD_FIELD_MISSING: 'The upload carried no file; try again',
  VERSION_STALE: 'Someone else decided this step meanwhile. Nothing was recorded; its new state is shown here',
  CONCURRENT_UPDATE: 'Someone else changed this at the same moment. Nothing was recorded; look again and retry',
  STEP_NOT_NEXT: 'This step is not the one to decide now: an earlier step is undecided, or the request is closed',
  APPROVAL_NOT_PENDING: 'The request is no longer pending',
  STEP_DECISION_NOT_CURRENT: 'Only the current decision of a step can be corrected',
  DECISION_LOCKED: 'This decision cannot be corrected: later steps relied on it, or its approval took effect',
  APPROVAL_OUTCOME_INVALID: 'This step does not take that outcome',
  NOT_ALLOWED: 'Your account may not do this',
  NOT_SUBMITTER: 'Only the secretariat or delegates of the submitting economy may change this document',
  SIGN_IN_REQUIRED: 'Your session has ended: sign in again',
  TOKEN_INVALID: 'Your session has ended: sign in again',
  CSRF_TOKEN_INVALID: 'Your session has changed in another tab: reload the page and try again',
  WRITE_CONFLICT: 'Someone else was saving a change to the same records at that moment. Nothing was recorded; try again',
  // Accounts (the desk's accounts page and /account).
  ACCOUNT_EXISTS: 'An account for that e-mail address exists already',
  ACCOUNT_NOT_FOUND: 'There is no account with that e-mail address',
  EMAIL_INVALID: 'That is not an e-mail address: write it like name@example.org',
  ACCOUNT_NEEDS_ECONOMY: 'A delegate account needs the economy it speaks for: choose the economy',
  ROLE_UNKNOWN: 'Choose at least one role',
  ADMIN_REQUIRED: 'Only an administrator may give or change the SECRETARIAT and ADMIN roles, or disable such an account',
  ACCOUNT_SELF_DISABLE: 'You cannot disable your own account, or take ADMIN from it',
  LAST_ADMIN: 'This is the last active administrator: make another administrator first',
  ECONOMY_NOT_FOUND: 'There is no economy with that code',
  PERSON_NOT_FOUND: 'That person is not in the directory',
  PROJECT_NOT_FOUND: 'That project is gone',
  OVERSEER_INELIGIBLE: 'An overseer account of the project does not hold the OVERSEER role or is disabled',
  PASSWORD_CURRENT_WRONG: 'The current password is not right',
  PASSWORD_WEAK: 'The new password must be 12 to 256 characters',
  API_TOKEN_REFUSED: 'Sign in with your password to do this (an API token may not)',
  NOTIFICATION_KIND_FIXED: 'Account messages (invitations, password resets) cannot be switched off',
};

const STALE_PAGE = 'This page is out of step with the server (the site may have been updated): reload the page and try again';

/** Words by code, for a reason without words of its own: every code of docs/ERRORS.md has some. */
const BY_CODE: Record<string, string> = {
  BAD_USER_INPUT: '{field} is not accepted',
  NOT_FOUND: 'It is gone, or you may not see it',
  CONFLICT: 'Someone else changed this meanwhile: look again and retry',
  INVALID_STATE: 'This is not possible in its present state',
  UNAUTHENTICATED: 'Your session has ended: sign in again',
  FORBIDDEN: 'Your account may not do this',
  TOO_MANY_REQUESTS: 'Too many requests: wait a moment and try again',
  SERVICE_UNAVAILABLE: 'The service is unavailable for a moment: try again shortly',
  INSUFFICIENT_STORAGE: 'The server is out of storage space, so nothing was saved: try again later',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server. Reload the page to see whether it was saved, then try again',
  // The request itself was refused: this page and the server no longer agree (the site was updated).
  BAD_REQUEST: STALE_PAGE,
  GRAPHQL_PARSE_FAILED: STALE_PAGE,
  GRAPHQL_VALIDATION_FAILED: STALE_PAGE,
  OPERATION_RESOLUTION_FAILURE: STALE_PAGE,
  PERSISTED_QUERY_NOT_FOUND: STALE_PAGE,
  PERSISTED_QUERY_NOT_SUPPORTED: STALE_PAGE,
};

export function describeFailure(reason: string | null, code: string | null, field: string | null, labels: Record<string, string> = {}): ActionError {
  const bare = field ? field.replace(/^input\./, '') : null;
  const label = bare ? (labels[bare] ?? bare) : 'the value';
  const template = (reason && WORDS[reason]) ?? (code && BY_CODE[code]) ?? `The server refused this${reason ? ` (${reason})` : code ? ` (${code})` : ''}`;
  const filled = template.replace('{field}', template.startsWith('{field}') ? label.charAt(0).toUpperCase() + label.slice(1) : label.toLowerCase());
  return { field: bare, reason, message: filled };
}

/** From a GraphQL answer's error (urql). */
export function describeError(error: CombinedError, labels: Record<string, string> = {}): ActionError {
  if (error.networkError && !error.graphQLErrors.length) return { field: null, reason: null, message: 'The server could not be reached. Check your connection and try again' };
  const ext = error.graphQLErrors[0]?.extensions ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return describeFailure(str(ext.reason), str(ext.code), str(ext.field), labels);
}
