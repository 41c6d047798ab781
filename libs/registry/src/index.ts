import { APPROVALS_ENTITIES } from '@tel/approvals';
import { AuditEvent } from '@tel/audit';
import { AUTH_ENTITIES } from '@tel/auth';
import { IdempotencyKey } from '@tel/core';
import { DOCUMENT_SEARCH_ENTITIES } from '@tel/document-search';
import { DOCUMENTS_ENTITIES } from '@tel/documents';
import { EXPORTS_ENTITIES } from '@tel/exports';
import { JOBS_ENTITIES } from '@tel/jobs';
import { MEETINGS_ENTITIES } from '@tel/meetings';
import { NOTIFICATIONS_ENTITIES } from '@tel/notifications';
import { PROJECTS_ENTITIES } from '@tel/projects';

/** Every entity of every domain: the API, the worker, the seed and the CLI open the same schema. */
export const ALL_ENTITIES = [
  ...MEETINGS_ENTITIES,
  AuditEvent,
  ...AUTH_ENTITIES,
  ...JOBS_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...DOCUMENT_SEARCH_ENTITIES,
  ...PROJECTS_ENTITIES,
  ...APPROVALS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...EXPORTS_ENTITIES,
  IdempotencyKey,
];
