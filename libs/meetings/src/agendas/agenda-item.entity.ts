import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/**
 * An agenda item. `label` is its own part of the number ("f"); `number` is the canonical full
 * number ("3.f"), kept in step with the tree whenever items move or are renumbered.
 */
@ObjectType()
@Entity('agenda_item')
@Index(['agendaId', 'number'], { unique: true })
@Index(['parentId', 'position'])
export class AgendaItem extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  agendaId: string;

  @ManyToOne('Agenda', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agendaId' })
  private agendaRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @ManyToOne('AgendaItem', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  private parentRef?: unknown;

  @Field(() => Int, { description: 'Order among its siblings, from 1.' })
  @Column({ type: 'integer' })
  position: number;

  @Field({ description: 'Its own part of the number, e.g. "f".' })
  @Column({ type: 'varchar', length: 12 })
  label: string;

  @Field({ description: 'The canonical number, e.g. "3.f" (printed 3(f) or 3 f) in papers).' })
  @Column({ type: 'varchar', length: 64 })
  number: string;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Field(() => String, { nullable: true, description: 'What was decided or reported.' })
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne('Session', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sessionId' })
  private sessionRef?: unknown;
}
