import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/** An agenda item where the project was taken up. */
@Entity('project_agenda_item')
@Index(['projectId', 'agendaItemId'], { unique: true })
@Index(['agendaItemId'])
export class ProjectAgendaItem extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  projectId: string;

  @ManyToOne('Project', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  private projectRef?: unknown;

  @Column({ type: 'varchar', length: 36 })
  agendaItemId: string;

  @ManyToOne('AgendaItem', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agendaItemId' })
  private agendaItemRef?: unknown;

  @Column({ type: 'integer' })
  position: number;
}
