import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { FundingAccount, ProjectStatus, ProjectType } from './project.enums';
import { DocumentText } from '@tel/documents';

/**
 * An APEC project in the register. Money is kept as exact decimal strings in two columns per sum
 * (amount, qualifier) and returned as `Money`; start and end dates as partial dates (`2006-11`).
 * Economies, overseer accounts, documents and agenda items are link tables.
 */
@ObjectType()
@Entity('project')
@Index(['steeringGroupId', 'status'])
export class Project extends BaseEntity {
  @Field(() => String, { nullable: true, description: 'APEC project number, e.g. "TEL 01/2007S"; the Secretariat assigns it, so it may be missing.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 24, nullable: true })
  number: string | null;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  title: string;

  /** The forum (committee or working group) the project belongs to, e.g. TEL. */
  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @ManyToOne('Group', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forumId' })
  private forumRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  steeringGroupId: string | null;

  @ManyToOne('Group', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'steeringGroupId' })
  private steeringGroupRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  overseerPersonId: string | null;

  @ManyToOne('Person', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overseerPersonId' })
  private overseerPersonRef?: unknown;

  @Column({ type: 'varchar', length: 500, nullable: true })
  overseerPostalAddress: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  overseerPhone: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  overseerFax: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  overseerEmail: string | null;

  @Field(() => FundingAccount, { nullable: true, description: 'Null when the sources do not say which account.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  fundingAccount: FundingAccount | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  totalCostAmount: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  totalCostQualifier: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  apecFundingAmount: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  apecFundingQualifier: string | null;

  @Field(() => ProjectType, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  projectType: ProjectType | null;

  @DocumentText(() => String, { nullable: true, description: 'What "other" means, e.g. "long-term training program".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  projectTypeOther: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate: string | null;

  /** A completion milestone given as a meeting ("completion by TEL38") rather than a date. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  completionMeetingId: string | null;

  @ManyToOne('Meeting', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'completionMeetingId' })
  private completionMeetingRef?: unknown;

  @DocumentText(() => String, { nullable: true, description: 'Purpose and principal activities.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ProjectStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ProjectStatus;

  @DocumentText(() => String, { nullable: true, description: 'Where the record comes from (seeded records cite the TEL37 report).' })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  /** Natural key of seeded projects; null for projects the secretariat adds. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  seedKey: string | null;
}
