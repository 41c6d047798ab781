import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, ValueTransformer } from 'typeorm';
import { BaseEntity, FieldAccess, Role, selfOr } from '@tel/core';

const ALL_ROLES = new Set<string>(Object.values(Role));

/** Roles are kept in the user row ("ADMIN,SECRETARIAT") so authenticating a request is one read. */
export const rolesTransformer: ValueTransformer = {
  to: (roles: Role[] | undefined | null) => (roles == null ? roles : [...roles].sort().join(',')),
  from: (raw: string | null) => (raw ? (raw.split(',').filter((r) => ALL_ROLES.has(r)) as Role[]) : []),
};

/**
 * An account: signs in with e-mail + password, or with personal API tokens.
 *
 * Accounts are never deleted, only disabled, so ids stay valid for whatever points at them —
 * audit events, and (with the projects feature) the projects an OVERSEER oversees. That binding
 * is planned as a link table owned by libs/projects:
 *
 *   project_overseer(projectId varchar(36) FK project.id ON DELETE CASCADE,
 *                    userId    varchar(36) FK app_user.id ON DELETE RESTRICT,
 *                    PRIMARY KEY (projectId, userId))
 *
 * The OVERSEER role lets an account act as an overseer at all; a project_overseer row says which
 * projects. Project services check both: `actorHasRole(actor, Role.OVERSEER)` and a row for
 * (projectId, actor.userId) — the secretariat and ADMIN pass without a row.
 */
@ObjectType()
@Entity('app_user')
export class User extends BaseEntity {
  @FieldAccess(selfOr((user: User) => user.id, Role.SECRETARIAT), () => String, { description: 'Lower-case. Visible to the account itself and the secretariat.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => [Role])
  @Column({ type: 'varchar', length: 100, transformer: rolesTransformer })
  roles: Role[];

  @Field({ description: 'A disabled account cannot sign in, and its tokens stop working.' })
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Raised when the account is disabled: session tokens carry it, so older ones stop working for good. */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;

  /** The economy a DELEGATE speaks for (required for delegates). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  economyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'economyId' })
  private economyRef?: unknown;

  @Field({ description: 'How the account is named in messages and lists, e.g. "Pai-Por Wang".' })
  @Column({ type: 'varchar', length: 200, default: '' })
  displayName: string;

  /**
   * The person of the directory this account is (a convenor, an overseer, the TEL Chair): their
   * offices give the account what the office may do (a chair records the chair's decisions).
   */
  @Field(() => ID, { nullable: true, description: 'The person of the directory this account is (see `person`).' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  personId: string | null;

  @ManyToOne('Person', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'personId' })
  private personRef?: unknown;

  /** The last sign-in with the password (a browser's or a bearer token's); null when never. GraphQL: AccountsResolver.lastSignInAt. */
  @Column({ type: Date, nullable: true })
  lastSignInAt: Date | null;

  /** False while an invitation waits: the account has no password yet and cannot sign in. */
  @Field({ description: 'Whether the account has chosen a password (false while its invitation waits).' })
  get activated(): boolean {
    return this.passwordHash !== '';
  }
}
