import { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
}

/**
 * Records who changed what, inside the same transaction as the change. The implementation lives
 * with the identity module (libs/auth); this abstract class is the port domain services call.
 */
export abstract class AuditTrail {
  abstract record(em: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void>;
}
