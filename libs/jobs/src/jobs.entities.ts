import { OutboxEntry } from './outbox/outbox-entry.entity';

export const JOBS_ENTITIES = [OutboxEntry];
