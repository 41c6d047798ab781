import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/**
 * The accounts allowed to act as a project's overseer (draft and submit its progress reports).
 * The OVERSEER role lets an account act as an overseer at all; a row here says for which project.
 */
@Entity('project_overseer_account')
@Index(['projectId', 'userId'], { unique: true })
@Index(['userId'])
export class ProjectOverseerAccount extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  projectId: string;

  @ManyToOne('Project', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  private projectRef?: unknown;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;
}
