import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { EconomyRole } from './project.enums';

/** An economy proposing or co-sponsoring a project, in the order the form lists them. */
@Entity('project_economy')
@Index(['projectId', 'economyId'], { unique: true })
export class ProjectEconomy extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  projectId: string;

  @ManyToOne('Project', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  private projectRef?: unknown;

  @Column({ type: 'varchar', length: 36 })
  economyId: string;

  @ManyToOne('Economy', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'economyId' })
  private economyRef?: unknown;

  @Column({ type: 'varchar', length: 16 })
  role: EconomyRole;

  @Column({ type: 'integer' })
  position: number;
}
