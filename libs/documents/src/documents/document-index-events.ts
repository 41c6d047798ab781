import { EntityManager } from 'typeorm';

/**
 * What the documents feature tells full-text search, inside the transaction of the change (so a
 * job is queued through the outbox exactly when the change commits). The search feature
 * provides it; without it (the CLI, the seed script) nothing is queued and files stay PENDING
 * until the API starts or `npm run reindex` runs.
 */
export abstract class DocumentIndexEvents {
  /** A file was recorded: extract and index it. */
  abstract fileAdded(em: EntityManager, fileId: string): Promise<void>;
  /** Title, access, type, language or status changed: refresh what the index keeps about its files. */
  abstract documentChanged(em: EntityManager, documentId: string): Promise<void>;
}
