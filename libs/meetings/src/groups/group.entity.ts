import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

export enum GroupKind {
  APEC_BODY = 'APEC_BODY',
  WORKING_GROUP = 'WORKING_GROUP',
  STEERING_GROUP = 'STEERING_GROUP',
  TASK_FORCE = 'TASK_FORCE',
  MINISTERIAL = 'MINISTERIAL',
}
registerEnumType(GroupKind, { name: 'GroupKind' });

/** A node of the group tree: SOM › TEL › SPSG, LSG › MRA Task Force, BMC, CTTF … */
@ObjectType()
@Entity('tel_group')
export class Group extends BaseEntity {
  @Field()
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => GroupKind)
  @Column({ type: 'varchar', length: 32 })
  kind: GroupKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @ManyToOne('Group', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  private parentRef?: unknown;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}
