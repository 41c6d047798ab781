import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/** Who presents an item: exactly one of economy, organization or person per row. */
@Entity('agenda_item_presenter')
@Index(['agendaItemId', 'position'])
@Check(
  'exactly_one_party',
  `(CASE WHEN "economyId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "organizationId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "personId" IS NULL THEN 0 ELSE 1 END) = 1`,
)
export class AgendaItemPresenter extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  agendaItemId: string;

  @ManyToOne('AgendaItem', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agendaItemId' })
  private agendaItemRef?: unknown;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  economyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'economyId' })
  private economyRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  organizationId: string | null;

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  private organizationRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  personId: string | null;

  @ManyToOne('Person', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'personId' })
  private personRef?: unknown;
}
