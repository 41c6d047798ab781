import { Injectable, Optional } from '@nestjs/common';
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

/**
 * Refuses to start an application whose DocumentsModule has no DocumentIndexEvents provider: its
 * uploads would be recorded but never indexed, and nothing would say so.
 */
@Injectable()
export class DocumentIndexEventsRequired {
  constructor(@Optional() events?: DocumentIndexEvents) {
    if (!events) {
      throw new Error('DocumentsModule needs a DocumentIndexEvents provider: import DocumentSearchModule.forRoot(...) in the application, or its uploads are never indexed');
    }
  }
}
