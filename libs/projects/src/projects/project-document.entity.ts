import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/**
 * A meeting document linked to a project: its canonical symbol, and its id once registered
 * (a symbol cited before its document is registered still resolves by symbol).
 */
@ObjectType()
@Entity('project_document')
@Index(['projectId', 'documentSymbol'], { unique: true })
export class ProjectDocument extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  projectId: string;

  @ManyToOne('Project', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  private projectRef?: unknown;

  @Field({ description: 'e.g. 2008-TELWG37-SPSG-006' })
  @Column({ type: 'varchar', length: 100 })
  documentSymbol: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  documentId: string | null;

  @ManyToOne('Document', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'documentId' })
  private documentRef?: unknown;

  @Field(() => Int)
  @Column({ type: 'integer' })
  position: number;
}
