import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { DocumentText } from '@tel/documents';

/** One change made through the API: who, what, which entity, when, and a one-line summary. */
@ObjectType()
@Entity('audit_event')
@Index(['entityType', 'entityId'])
@Index(['createdAt'])
export class AuditEvent extends BaseEntity {
  @Field(() => String, { nullable: true, description: 'The account that made the change; null for the system (seed, jobs).' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'The e-mail of that account when it acted.' })
  @Index()
  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Field({ description: 'e.g. meeting.create, agenda.adopt' })
  @Index()
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Field()
  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  @DocumentText(() => String, { description: 'One line; mentions of documents the caller may not see read [restricted document].' })
  @Column({ type: 'varchar', length: 1000 })
  summary: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  requestId: string;
}
