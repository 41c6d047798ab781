import { AuditEvent } from '@tel/audit';
import { MEETINGS_ENTITIES } from '@tel/meetings';

/** Every entity of every domain: the API, the worker, the seed and the CLI open the same schema. */
export const ALL_ENTITIES = [...MEETINGS_ENTITIES, AuditEvent];
