import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { Party, PartyKind } from './party.interface';

/** One of the 21 APEC member economies. */
@ObjectType({ implements: () => [Party] })
@Entity('economy')
export class Economy extends BaseEntity implements Party {
  readonly partyKind = PartyKind.ECONOMY;

  @Field({ description: 'Short code, e.g. CT, ROK, USA.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 8 })
  code: string;

  @Field({ description: 'The name as APEC writes it.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;
}
