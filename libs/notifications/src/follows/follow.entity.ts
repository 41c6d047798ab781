import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

export enum FollowKind {
  GROUP = 'GROUP',
  MEETING = 'MEETING',
}
registerEnumType(FollowKind, { name: 'FollowKind', description: 'What is followed: a steering group (all its meetings) or one meeting.' });

/** An account follows a group or a meeting: it gets the daily digest of their new documents. */
@ObjectType()
@Entity('follow')
@Index(['userId', 'kind', 'targetId'], { unique: true })
@Index(['kind', 'targetId'])
export class Follow extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Field(() => FollowKind)
  @Column({ type: 'varchar', length: 16 })
  kind: FollowKind;

  /** The group's or the meeting's id (libs/meetings), as `kind` says. */
  @Column({ type: 'varchar', length: 36 })
  targetId: string;
}

/**
 * One new document or revision owed to one follower's digest, written in the transaction that
 * registered it. `digestedOn` (YYYY-MM-DD, UTC) is set when a digest took it — or when the
 * follower had switched FOLLOWED_DOCUMENTS off, so it is never sent.
 */
@Entity('follow_digest_item')
@Index(['userId', 'itemKey'], { unique: true })
@Index(['digestedOn', 'userId'])
export class FollowDigestItem extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Column({ type: 'varchar', length: 100 })
  itemKey: string;

  /** `SPSG at TEL37`. */
  @Column({ type: 'varchar', length: 120 })
  heading: string;

  /** `2008-TELWG37-SPSG-006 [Rev.1]`. */
  @Column({ type: 'varchar', length: 100 })
  citation: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  path: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  digestedOn: string | null;
}
