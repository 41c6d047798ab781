import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, FieldAccess, signedIn } from '@tel/core';
import { Party, PartyKind } from './party.interface';

@ObjectType({ implements: () => [Party] })
@Entity('person')
@Index(['name', 'economyId'])
export class Person extends BaseEntity implements Party {
  readonly partyKind = PartyKind.PERSON;

  @Field({ description: 'The name in Latin letters, as APEC papers write it.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The name in its own script, e.g. Chinese.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  nameLocal: string | null;

  @Field(() => String, { nullable: true, description: 'Mr., Ms., Dr. …' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  honorific: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  organizationId: string | null;

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  private organizationRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  economyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'economyId' })
  private economyRef?: unknown;

  @FieldAccess(signedIn, () => String, { description: 'Signed-in accounts only.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Natural key of seeded people; null for people the secretariat adds. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  seedKey: string | null;
}
