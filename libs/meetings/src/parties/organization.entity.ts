import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { Party, PartyKind } from './party.interface';

export enum OrganizationKind {
  SECRETARIAT = 'SECRETARIAT',
  INTERGOVERNMENTAL = 'INTERGOVERNMENTAL',
  BUSINESS_ASSOCIATION = 'BUSINESS_ASSOCIATION',
  USER_ASSOCIATION = 'USER_ASSOCIATION',
  COMPANY = 'COMPANY',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** A body that is not an economy: observers and guests, and the agencies people work for. */
@ObjectType({ implements: () => [Party] })
@Entity('organization')
export class Organization extends BaseEntity implements Party {
  readonly partyKind = PartyKind.ORGANIZATION;

  @Field()
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 24 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'varchar', length: 32 })
  kind: OrganizationKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  economyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'economyId' })
  private economyRef?: unknown;

  @Field({ description: 'Takes part in TEL in its own right (observer or guest), not as part of an economy.' })
  @Column({ type: 'boolean', default: false })
  participant: boolean;
}
