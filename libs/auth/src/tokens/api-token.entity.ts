import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/**
 * A personal API token for scripts. Only the SHA-256 of the secret is stored; the secret is shown
 * once, when the token is made. `hint` (the first characters) lets people tell tokens apart.
 */
@ObjectType()
@Entity('api_token')
export class ApiToken extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Hex SHA-256 of the whole token; the only way a token is looked up. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Field({ description: 'The first characters of the token, e.g. telp_AbC1234 — enough to recognize it, not to use it.' })
  @Column({ type: 'varchar', length: 16 })
  hint: string;

  @Column({ type: Date, nullable: true })
  expiresAt: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
