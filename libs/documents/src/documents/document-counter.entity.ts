import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * The last number handed out per meeting and code (SPSG, PTAB-WS …). One row per pair, bumped by an
 * atomic upsert, so concurrent registrations never get the same number (see document-numbers.ts).
 * Not a BaseEntity: it is a counter keyed by its pair, not a thing with an identity of its own.
 */
@Entity('document_counter')
export class DocumentCounter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  meetingId: string;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'integer' })
  last: number;
}
