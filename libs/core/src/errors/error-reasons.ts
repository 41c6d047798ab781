/** The error codes every client can rely on (`extensions.code`). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** A service the request needs (database, Redis) is unreachable; retry after `retryAfterSeconds`. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The database or the files volume is full; nothing was written. */
  INSUFFICIENT_STORAGE = 'INSUFFICIENT_STORAGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes Apollo and graphql-js give errors about the GraphQL request itself (kept as they are). */
export type GraphQLRequestCode =
  'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST' | 'OPERATION_RESOLUTION_FAILURE' | 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_NOT_SUPPORTED';

/** The HTTP status of each code (a reason may name another, e.g. 413 for a body that is too large). */
export const HTTP_STATUS: Record<ErrorCode | GraphQLRequestCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
  INTERNAL_SERVER_ERROR: 500,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
};

interface ReasonSpec {
  code: ErrorCode | GraphQLRequestCode;
  /** When the status differs from the code's. */
  status?: number;
  /** When it happens (written to docs/ERRORS.md). */
  when: string;
}

const { BAD_USER_INPUT: INPUT, NOT_FOUND, CONFLICT, INVALID_STATE: STATE, UNAUTHENTICATED, FORBIDDEN, TOO_MANY_REQUESTS } = ErrorCode;

/**
 * The catalogue of every `reason` a client may see (`extensions.reason` in GraphQL,
 * `error.reason` over REST): a stable, machine-readable name for what went wrong, under one of the
 * codes. Clients branch on `reason` (or `code`), never on the message, which is for people and may
 * change. A reason is never renamed or reused for something else; add a new one instead.
 * `npm run errors:list` writes docs/ERRORS.md from this list.
 *
 * A NOT_FOUND reason is the same whether the thing does not exist or the caller may not see it.
 */
export const ERROR_REASONS = {
  // ── Input (400 BAD_USER_INPUT) ──────────────────────────────────────────────────────────────
  INPUT_INVALID: { code: INPUT, when: 'An input failed validation (type, length, format, unknown property); `field` names it.' },
  FIELD_REQUIRED: { code: INPUT, when: 'A required value is missing or empty, or a value that cannot be cleared was set to null.' },
  ARGUMENTS_CONFLICT: { code: INPUT, when: 'The arguments given do not go together (give one way of naming the thing, not two; or none of them).' },
  NOTHING_TO_CHANGE: { code: INPUT, when: 'An update names nothing to change.' },
  DUPLICATE_IN_LIST: { code: INPUT, when: 'A list names the same thing twice.' },
  DATE_MALFORMED: { code: INPUT, when: 'A date or date-time is not written as the field asks (YYYY-MM-DD, ISO 8601 …).' },
  DATE_ORDER: { code: INPUT, when: 'Dates are out of order (an end before its start, a decision before the previous one).' },
  DATE_OUT_OF_RANGE: { code: INPUT, when: 'A date is in the future (or past) where it may not be, or outside the meeting it belongs to.' },
  PAGE_SIZE_OUT_OF_RANGE: { code: INPUT, when: '`first` is negative, not whole, or above the largest page.' },
  CURSOR_INVALID: { code: INPUT, when: '`after` is not a cursor this server gave out.' },
  LANGUAGE_UNKNOWN: { code: INPUT, when: 'A language tag or search language is not one the registry knows.' },
  SYMBOL_MALFORMED: { code: INPUT, when: 'A document symbol (or the parts given to build one) does not parse, e.g. `TEL37/PLEN/12x`.' },
  SYMBOL_MISMATCH: { code: INPUT, when: 'The full symbol and the separate parts given with it (meeting, code, year, revision) disagree.' },
  REVISION_MALFORMED: { code: INPUT, when: 'A revision number is not 0, 1, 2 … or is above the largest allowed.' },
  SYMBOL_YEAR_REQUIRED: { code: INPUT, when: 'The meeting has no dates yet, so the year of the symbol must be given.' },
  SUBMITTER_INVALID: { code: INPUT, when: 'A document is submitted by a person (only economies and organizations submit), or a presenter names not exactly one party.' },
  SUPERSEDE_SELF: { code: INPUT, when: 'A document was named as superseding itself.' },
  REFERENCE_ELSEWHERE: { code: INPUT, when: 'A referenced thing (session, agenda item, paper, report) belongs to another meeting or project.' },
  UPLOAD_MALFORMED: { code: INPUT, when: 'The multipart body is malformed, incomplete, has too many parts or fields, or more than one file.' },
  UPLOAD_FIELD_MISSING: { code: INPUT, when: 'The multipart body has no file in the expected field (or a file in another field).' },
  UPLOAD_EMPTY: { code: INPUT, when: 'The uploaded file is empty.' },
  UPLOAD_TOO_LARGE: { code: INPUT, status: 413, when: 'The uploaded file is larger than the configured limit.' },
  UPLOAD_TYPE_REFUSED: {
    code: INPUT,
    status: 415,
    when: 'The upload is not multipart/form-data, or the file is of a type the registry does not take (or not what its name says).',
  },
  BODY_TOO_LARGE: { code: INPUT, status: 413, when: 'The request body is larger than the server accepts.' },
  BODY_MALFORMED: { code: INPUT, when: 'The request body is not valid JSON (when the body parser reports it itself; through Nest it is REQUEST_INVALID).' },
  MEDIA_TYPE_REFUSED: { code: INPUT, status: 415, when: 'The request body is not of the content type the route takes.' },
  REQUEST_INVALID: { code: INPUT, when: 'The HTTP request is refused as malformed by the framework: a JSON body that does not parse, a path with a broken percent-encoding.' },
  IDEMPOTENCY_KEY_MALFORMED: { code: INPUT, when: 'The Idempotency-Key header is not one value of 1 to 255 printable ASCII characters.' },
  IDEMPOTENCY_KEY_SCOPE: { code: INPUT, when: 'An Idempotency-Key was sent with more than one mutation field in the request.' },
  PROJECT_NUMBER_MALFORMED: { code: INPUT, when: 'A project number does not parse (e.g. `TEL 01/2007S`).' },
  PROJECT_FIELDS_INVALID: { code: INPUT, when: 'Project fields do not go together (projectTypeOther without OTHER).' },
  MONEY_INVALID: { code: INPUT, when: 'An amount is not a number with at most two decimals, or its currency is not USD.' },
  OVERSEER_INELIGIBLE: { code: INPUT, when: 'An account named as overseer does not hold the OVERSEER role or is disabled.' },
  ROLE_UNKNOWN: { code: INPUT, when: 'A role is unknown, or no role was given.' },
  ECONOMY_UNKNOWN: { code: INPUT, when: 'An economy code given as input is not known.' },
  EMAIL_INVALID: { code: INPUT, when: 'An e-mail address is not valid.' },
  PASSWORD_WEAK: { code: INPUT, when: 'A new password does not meet the password rules.' },
  ACCOUNT_LINK_INVALID: { code: INPUT, when: 'An invitation or password-reset link is unknown, already used, expired, or its account is disabled.' },
  PASSWORD_CURRENT_WRONG: { code: INPUT, when: 'changePassword was given a wrong current password.' },
  PERSON_UNKNOWN: { code: INPUT, when: 'An account was linked to a person the directory does not have.' },
  NOTIFICATION_KIND_FIXED: { code: INPUT, when: 'ACCOUNT messages (invitations, resets) cannot be switched off.' },
  ACCOUNT_NEEDS_ECONOMY: { code: INPUT, when: 'A DELEGATE account was created without the economy it speaks for.' },
  API_TOKEN_INPUT_INVALID: { code: INPUT, when: 'An API token name is empty or too long, or the system (which has no tokens) asked for one.' },
  LOGIN_INPUT_MISSING: { code: INPUT, when: 'POST /auth/session was not JSON with string `email` and `password`.' },
  AGENDA_ITEM_NUMBER_MALFORMED: { code: INPUT, when: 'An agenda item number does not parse (e.g. 3, 3.f, 3(f)).' },
  AGENDA_TOO_DEEP: { code: INPUT, when: 'Agenda items would nest deeper than allowed.' },
  AGENDA_CYCLE: { code: INPUT, when: 'An agenda item would be nested under itself or one of its sub-items.' },
  AGENDA_LABEL_INVALID: { code: INPUT, when: 'The numbering of an agenda item cannot be placed in the tree.' },
  MEETING_DATES_INVALID: { code: INPUT, when: "A meeting's dates or time zone are invalid, missing while it has sessions, or would leave sessions outside them." },
  SESSION_TIME_INVALID: { code: INPUT, when: 'A session starts or ends at a malformed time, ends before it starts, or falls outside its meeting.' },
  REPORT_DATE_INVALID: { code: INPUT, when: "A progress report's received date is malformed or before the overseer signed." },
  APPROVAL_INPUT_INVALID: { code: INPUT, when: 'An approval request names fields of another kind, misses what it needs (projectId, subject, steering group) or repeats a step.' },
  APPROVAL_OUTCOME_INVALID: { code: INPUT, when: 'A decision outcome is not one this step takes.' },
  EXTENSION_DATE_INVALID: { code: INPUT, when: 'An extension does not move the end date later.' },
  SEARCH_REQUEST_INVALID: { code: INPUT, when: 'The search engine refused the query or filter, or a file has too many chunks to index.' },

  // ── GraphQL request errors (Apollo, graphql-js, the hardening limits) ──────────────────────
  GRAPHQL_PARSE: { code: 'GRAPHQL_PARSE_FAILED', when: 'The GraphQL document does not parse.' },
  QUERY_TOO_LARGE: { code: 'GRAPHQL_PARSE_FAILED', when: 'The GraphQL document has more tokens than the limit.' },
  GRAPHQL_VALIDATION: { code: 'GRAPHQL_VALIDATION_FAILED', when: 'The GraphQL document does not validate against the schema (unknown field, wrong argument type …).' },
  QUERY_TOO_DEEP: { code: 'GRAPHQL_VALIDATION_FAILED', when: 'The operation nests deeper than the depth limit.' },
  QUERY_TOO_COSTLY: { code: 'GRAPHQL_VALIDATION_FAILED', when: 'The operation costs more than the cost limit.' },
  QUERY_TOO_MANY_ALIASES: { code: 'GRAPHQL_VALIDATION_FAILED', when: 'The operation has more aliases than the limit.' },
  QUERY_TOO_MANY_DIRECTIVES: { code: 'GRAPHQL_VALIDATION_FAILED', when: 'The operation has more directives than the limit.' },
  GRAPHQL_VARIABLES_INVALID: { code: INPUT, when: 'GraphQL variables or literal arguments do not coerce to their types.' },
  GRAPHQL_REQUEST_INVALID: {
    code: 'BAD_REQUEST',
    when: 'The GraphQL HTTP request is malformed (no query, a GET mutation, a batch, a subscription, or blocked by CSRF prevention).',
  },
  OPERATION_UNKNOWN: { code: 'OPERATION_RESOLUTION_FAILURE', when: 'operationName names no operation of the document, or several operations were sent without one.' },
  PERSISTED_QUERY_NOT_FOUND: { code: 'PERSISTED_QUERY_NOT_FOUND', when: 'An automatic persisted query hash is not known.' },
  PERSISTED_QUERY_NOT_SUPPORTED: { code: 'PERSISTED_QUERY_NOT_SUPPORTED', when: 'Persisted queries are not supported.' },

  // ── Not found (404 NOT_FOUND; also what the caller may not see) ─────────────────────────────
  DOCUMENT_NOT_FOUND: { code: NOT_FOUND, when: 'No document (or revision of it) with that symbol that the caller may see.' },
  REVISION_NOT_FOUND: { code: NOT_FOUND, when: 'The document has no such revision.' },
  FILE_NOT_FOUND: { code: NOT_FOUND, when: 'No file with that id that the caller may see.' },
  MEETING_NOT_FOUND: { code: NOT_FOUND, when: 'No meeting with that code.' },
  GROUP_NOT_FOUND: { code: NOT_FOUND, when: 'No group with that code.' },
  ECONOMY_NOT_FOUND: { code: NOT_FOUND, when: 'No economy with that code.' },
  ORGANIZATION_NOT_FOUND: { code: NOT_FOUND, when: 'No organization with that code.' },
  PERSON_NOT_FOUND: { code: NOT_FOUND, when: 'No person with that id.' },
  AGENDA_NOT_FOUND: { code: NOT_FOUND, when: 'No such agenda.' },
  AGENDA_ITEM_NOT_FOUND: { code: NOT_FOUND, when: 'No such agenda item.' },
  SESSION_NOT_FOUND: { code: NOT_FOUND, when: 'No session with that id.' },
  PROJECT_NOT_FOUND: { code: NOT_FOUND, when: 'No project with that id or number.' },
  REPORT_NOT_FOUND: { code: NOT_FOUND, when: 'No progress report with that id that the caller may see.' },
  ACCOUNT_NOT_FOUND: { code: NOT_FOUND, when: 'No account with that e-mail.' },
  API_TOKEN_NOT_FOUND: { code: NOT_FOUND, when: 'No API token with that id that the caller may see.' },
  APPROVAL_NOT_FOUND: { code: NOT_FOUND, when: 'No approval request with that id.' },
  APPROVAL_STEP_NOT_FOUND: { code: NOT_FOUND, when: 'No approval step with that id.' },
  SEARCH_INDEX_NOT_FOUND: { code: NOT_FOUND, when: 'The search engine has no index for the registry (it is being rebuilt).' },
  ROUTE_NOT_FOUND: { code: NOT_FOUND, when: 'No HTTP route or asset at that path.' },
  CALENDAR_FEED_NOT_FOUND: { code: NOT_FOUND, when: 'No private calendar feed with that secret (never made, or regenerated since).' },

  // ── Conflict (409 CONFLICT) ──────────────────────────────────────────────────────────────────
  DOCUMENT_EXISTS: { code: CONFLICT, when: 'A document with that symbol is already registered.' },
  REVISION_EXISTS: { code: CONFLICT, when: 'The document already has that revision.' },
  REVISION_NOT_NEXT: { code: CONFLICT, when: 'Revisions only go forward: the one given is below the latest.' },
  FILE_EXISTS: { code: CONFLICT, when: 'The revision already has a file of that name or with that content (`fileId` names it).' },
  MEETING_EXISTS: { code: CONFLICT, when: 'A meeting with that code already exists.' },
  AGENDA_EXISTS: { code: CONFLICT, when: 'The meeting already has an agenda for that group.' },
  AGENDA_ITEM_EXISTS: { code: CONFLICT, when: 'The agenda already has an item with that number.' },
  PROJECT_NUMBER_TAKEN: { code: CONFLICT, when: 'Another project already has that number.' },
  REPORT_EXISTS: { code: CONFLICT, when: 'The project already has a progress report for that meeting, or the paper is already another report.' },
  ACCOUNT_EXISTS: { code: CONFLICT, when: 'An account for that e-mail already exists.' },
  VERSION_STALE: { code: CONFLICT, when: 'The thing changed since the caller read it (`expectedVersion` is old; `currentVersion` says the new one).' },
  CONCURRENT_UPDATE: { code: CONFLICT, when: 'Someone else changed the same thing at the same moment; read it again and retry.' },
  IDEMPOTENCY_KEY_REUSED: { code: CONFLICT, when: 'The Idempotency-Key was used before for another operation or other input.' },
  IDEMPOTENCY_NOT_REPLAYABLE: {
    code: CONFLICT,
    when: 'The operation already ran with this Idempotency-Key and its answer held a secret shown only once (an API token), so it is not sent again (`resultId` names what it made).',
  },
  IDEMPOTENCY_RESULT_GONE: { code: CONFLICT, when: 'The operation already ran with this Idempotency-Key and what it returned no longer exists.' },

  // ── Invalid state (409 INVALID_STATE) ────────────────────────────────────────────────────────
  DOCUMENT_CLOSED: { code: STATE, when: 'The document is withdrawn or superseded: it takes no new revisions or files.' },
  AGENDA_ADOPTED: { code: STATE, when: 'The agenda is adopted: its items can no longer change (or it is adopted already).' },
  AGENDA_EMPTY: { code: STATE, when: 'An empty agenda cannot be adopted.' },
  MEETING_HAS_NO_DATES: { code: STATE, when: 'The meeting needs dates and a time zone before sessions can be added.' },
  PROJECT_STATUS_REFUSED: { code: STATE, when: 'The project cannot move to that status from the one it has.' },
  PROJECT_NOT_PROPOSED: { code: STATE, when: 'The project is no longer PROPOSED (final approval, new-project approval).' },
  PROJECT_FINISHED: { code: STATE, when: 'The project is finished (completed, closed, cancelled): it takes no more reports or changes.' },
  REPORT_NOT_DRAFT: { code: STATE, when: 'The progress report is not in a status that allows this action (e.g. editing or submitting one that is no longer a draft).' },
  REPORT_INCOMPLETE: { code: STATE, when: 'The progress report lacks fields needed to submit it (`missing` lists them).' },
  APPROVAL_NOT_PENDING: { code: STATE, when: 'The approval request is no longer pending.' },
  STEP_NOT_NEXT: { code: STATE, when: 'The approval step is not the one to decide now (an earlier step is undecided, or the request is closed).' },
  STEP_DECISION_NOT_CURRENT: { code: STATE, when: "Only a step's current decision can be corrected (or the step has none)." },
  DECISION_LOCKED: { code: STATE, when: 'A decision that later steps relied on, or a final approval that took effect, cannot be corrected.' },
  ACCOUNT_DISABLED: { code: STATE, when: 'The account is disabled.' },
  ACCOUNT_SELF_DISABLE: { code: STATE, when: 'An administrator tried to disable their own account.' },
  LAST_ADMIN: { code: STATE, when: 'The last active ADMIN account cannot be disabled.' },
  API_TOKEN_LIMIT: { code: STATE, when: 'The account already holds the most active API tokens allowed.' },

  // ── Authentication (401 UNAUTHENTICATED) ─────────────────────────────────────────────────────
  SIGN_IN_REQUIRED: { code: UNAUTHENTICATED, when: 'The operation needs a signed-in caller and none is.' },
  LOGIN_FAILED: { code: UNAUTHENTICATED, when: 'Wrong e-mail or password (or a disabled account); the same for an unknown e-mail.' },
  TOKEN_INVALID: { code: UNAUTHENTICATED, when: 'The bearer token or session is invalid, expired or revoked, or the Authorization header is malformed.' },

  // ── Forbidden (403 FORBIDDEN) ────────────────────────────────────────────────────────────────
  NOT_ALLOWED: { code: FORBIDDEN, when: "The caller's roles do not allow the operation." },
  NOT_CHAIR: { code: FORBIDDEN, when: "A decision by a body's chair was recorded by an account that is neither the secretariat nor linked to that body's chair." },
  CSRF_TOKEN_INVALID: { code: FORBIDDEN, when: 'A state-changing request with a session cookie lacked the matching X-CSRF-Token header.' },
  NOT_SUBMITTER: { code: FORBIDDEN, when: 'Only the secretariat or delegates of the submitting economy may change the document or add files.' },
  NOT_OVERSEER: { code: FORBIDDEN, when: 'Only an overseer of the project (or the secretariat) may do this.' },
  ADMIN_REQUIRED: { code: FORBIDDEN, when: 'Only an administrator may create, disable, enable or give tokens to SECRETARIAT or ADMIN accounts.' },
  API_TOKEN_REFUSED: { code: FORBIDDEN, when: 'An API token tried to create an API token.' },
  APPROVAL_FILING_REFUSED: { code: FORBIDDEN, when: 'The caller may not file this kind of approval request, or set its chain.' },

  // ── Limits, availability ─────────────────────────────────────────────────────────────────────
  LOGIN_RATE_LIMITED: { code: TOO_MANY_REQUESTS, when: 'Too many sign-in attempts; retry after `retryAfterSeconds`.' },
  RATE_LIMITED: { code: TOO_MANY_REQUESTS, when: 'Too many requests; retry later.' },
  SEARCH_ENGINE_BUSY: { code: TOO_MANY_REQUESTS, when: 'The search engine is busy; retry shortly.' },
  DEPENDENCY_UNAVAILABLE: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    when: 'The database, Redis or another service the request needs does not answer; retry after `retryAfterSeconds`.',
  },
  SHUTTING_DOWN: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    when: 'This API process is stopping (a restart or a deployment); send the request again, another process or this one once restarted will take it.',
  },
  SEARCH_WORKER_FAILED: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    when: 'The search worker thread running this search stopped (it is replaced at once); send the search again.',
  },
  WRITE_CONFLICT: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    when: 'Another change to the same records was being saved at the same moment and the database stopped this one (a deadlock or a serialization failure); nothing was saved. Send it again after `retryAfterSeconds`.',
  },
  LOGIN_LIMITER_UNAVAILABLE: { code: ErrorCode.SERVICE_UNAVAILABLE, when: "Sign-in's rate-limit store does not answer, so sign-in is refused for a moment." },
  STORAGE_FULL: { code: ErrorCode.INSUFFICIENT_STORAGE, when: 'The database or the files volume is full; nothing was saved. Retry after `retryAfterSeconds`.' },

  // ── Internal (500) ────────────────────────────────────────────────────────────────────────────
  SEARCH_ENGINE_FAILED: { code: ErrorCode.INTERNAL_SERVER_ERROR, when: 'The search engine failed, refused the request or did not answer in time.' },
  INTERNAL: { code: ErrorCode.INTERNAL_SERVER_ERROR, when: 'Anything unexpected (a bug); the message says nothing more, the server log has it under `requestId`.' },
} as const satisfies Record<string, ReasonSpec>;

/** A reason a client can branch on (see ERROR_REASONS). */
export type ErrorReason = keyof typeof ERROR_REASONS;

/** The reasons that go with code C. */
export type ReasonOf<C extends ErrorCode> = { [R in ErrorReason]: (typeof ERROR_REASONS)[R]['code'] extends C ? R : never }[ErrorReason];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_REASONS, value);
}

/** The HTTP status a reason answers with. */
export function httpStatusOfReason(reason: ErrorReason): number {
  const spec: ReasonSpec = ERROR_REASONS[reason];
  return spec.status ?? HTTP_STATUS[spec.code];
}
