import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { ApprovalOutcome, DecisionMode } from '../rules/approval-chain.rules';
import './approval.enums';

/** One body's turn in a request's chain. `outcome` is its current (latest) decision's outcome. */
@ObjectType()
@Entity('approval_step')
@Index(['requestId', 'position'], { unique: true })
@Index(['groupId', 'outcome'])
export class ApprovalStep extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @ManyToOne('ApprovalRequest', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requestId' })
  private requestRef?: unknown;

  @Field(() => Int, { description: 'Its place in the chain, from 1.' })
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne('Group', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @Field(() => DecisionMode)
  @Column({ type: 'varchar', length: 16 })
  mode: DecisionMode;

  @Field(() => ApprovalOutcome, { description: 'The outcome of its current decision; PENDING before any.' })
  @Column({ type: 'varchar', length: 16 })
  outcome: ApprovalOutcome;

  @Field(() => Int, { description: 'Pass it as expectedVersion when deciding: a decision recorded meanwhile answers CONFLICT.' })
  @Column({ type: 'integer', default: 0 })
  version: number;
}
