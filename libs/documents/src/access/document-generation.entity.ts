import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1) whose value changes, in the same transaction, whenever a document is added or
 * removed or its access, symbol or title changes: database triggers write it (see the migration
 * DocumentGeneration), so no code path, process or hand-written statement can forget to. A fresh
 * random value each time, never a count: a value written by a transaction that rolled back never
 * comes back. DocumentVisibility keeps the list of documents a caller may not see while the value
 * it was loaded under is still the current one.
 */
@Entity('document_generation')
export class DocumentGeneration {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  value: string;
}
