import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError, canRead, Connection, Ctx, ErrorCode, PageArgs, Public, PublicIgnoringInvalidToken, RequestContext, Role, SecretariatOnly, selfOr, SignedIn } from '@tel/core';
import { MeetingsLoaders } from '@tel/meetings';
import { ApiToken } from '../tokens/api-token.entity';
import { AccountFlows } from './account-flows.service';
import {
  AccountLinkPasswordInput,
  ChangePasswordInput,
  ChangePasswordResult,
  CreateApiTokenInput,
  CreatedApiToken,
  CreateUserInput,
  DisableUserInput,
  EnableUserInput,
  InviteUserInput,
  LoginInput,
  LoginResult,
  RequestPasswordResetInput,
  RevokeApiTokenInput,
  UpdateUserInput,
  UserFilter,
} from './account.inputs';
import { AuthService } from './auth.service';
import { User } from './user.entity';

/** The account itself and the secretariat, as for the e-mail. */
const LAST_SIGN_IN_READERS = selfOr((user: User) => user.id, Role.SECRETARIAT);

@ObjectType()
export class UserConnection extends Connection(User) {}

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly flows: AccountFlows,
    private readonly meetings: MeetingsLoaders,
  ) {}

  @SecretariatOnly()
  @Mutation(() => User, {
    description: 'Creates an account without a password and e-mails its holder a one-time link (INVITATION_TTL_HOURS) to choose one. Only an ADMIN may give SECRETARIAT or ADMIN.',
  })
  inviteUser(@Ctx() ctx: RequestContext, @Args('input') input: InviteUserInput): Promise<User> {
    return this.flows.invite(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => User, { description: "Changes an account's name, roles, economy or linked person. Only an ADMIN may change SECRETARIAT or ADMIN accounts." })
  updateUser(@Ctx() ctx: RequestContext, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.flows.update(ctx, input);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: "The invitee's first password, from the invitation link (once; ACCOUNT_LINK_INVALID when used, expired or unknown). Then sign in as usual.",
  })
  async acceptInvitation(@Ctx() ctx: RequestContext, @Args('input') input: AccountLinkPasswordInput): Promise<boolean> {
    await this.flows.acceptInvitation(ctx, input.token, input.password);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'E-mails a password-reset link if the address has an active account. Always answers true: the answer does not tell whether the address exists.',
  })
  async requestPasswordReset(@Ctx() ctx: RequestContext, @Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.flows.requestPasswordReset(ctx, input.email);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'A new password from a reset link (once, PASSWORD_RESET_TTL_MINUTES); every session of the account ends.' })
  async resetPassword(@Ctx() ctx: RequestContext, @Args('input') input: AccountLinkPasswordInput): Promise<boolean> {
    await this.flows.resetPassword(ctx, input.token, input.password);
    return true;
  }

  @SignedIn()
  @Mutation(() => ChangePasswordResult, { description: "Changes the caller's password (the current one is required); the account's other sessions end." })
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<ChangePasswordResult> {
    return this.flows.changePassword(ctx, input);
  }

  @PublicIgnoringInvalidToken()
  @Mutation(() => LoginResult, { description: 'E-mail and password → a session token. Repeated attempts answer TOO_MANY_REQUESTS (with retryAfterSeconds) for a while.' })
  async login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput): Promise<LoginResult> {
    try {
      const session = await this.auth.login(input.email, input.password, ctx.req?.ip ?? 'unknown');
      return { token: session.token, expiresAt: session.expiresAt.toISOString() };
    } catch (error) {
      const retryable = error instanceof AppError && (error.code === ErrorCode.TOO_MANY_REQUESTS || error.code === ErrorCode.SERVICE_UNAVAILABLE);
      if (retryable && ctx.res && !ctx.res.headersSent) {
        ctx.res.setHeader('Retry-After', String(typeof error.details?.retryAfterSeconds === 'number' ? error.details.retryAfterSeconds : 60));
      }
      throw error;
    }
  }

  @SignedIn()
  @Query(() => User, { description: 'The signed-in account.' })
  async me(@Ctx() ctx: RequestContext): Promise<User> {
    const user = await this.auth.userById(ctx.actor!.userId);
    if (!user) throw AppError.unauthenticated('TOKEN_INVALID', 'Invalid or expired token');
    return user;
  }

  @SecretariatOnly()
  @Query(() => UserConnection, { description: 'Accounts, by e-mail.' })
  users(@Args('filter', { type: () => UserFilter, nullable: true }) filter: UserFilter | null, @Args() page: PageArgs): Promise<UserConnection> {
    return this.auth.listUsers(filter, page);
  }

  @SecretariatOnly()
  @Mutation(() => User, { description: 'Creates an account. Only an ADMIN may give SECRETARIAT or ADMIN.' })
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.auth.createUser(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => User, { description: 'Disables an account at once: no sign-in, its tokens stop working, its API tokens are revoked.' })
  disableUser(@Ctx() ctx: RequestContext, @Args('input') input: DisableUserInput): Promise<User> {
    return this.auth.disableUser(ctx, input.email);
  }

  @SecretariatOnly()
  @Mutation(() => User, {
    description: 'Lets a disabled account sign in again. The sessions and API tokens that ended when it was disabled stay ended.',
  })
  enableUser(@Ctx() ctx: RequestContext, @Args('input') input: EnableUserInput): Promise<User> {
    return this.auth.enableUser(ctx, input.email);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'When the account last signed in with its password, e.g. 2026-12-02T09:30:00.000Z (null: never). Visible to the account itself and the secretariat; null for others.',
  })
  lastSignInAt(@Parent() user: User, @Ctx() ctx: RequestContext): string | null {
    if (!canRead(ctx, LAST_SIGN_IN_READERS, user)) return null;
    return user.lastSignInAt ? new Date(user.lastSignInAt).toISOString() : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The economy a delegate speaks for, e.g. CT.' })
  async economyCode(@Parent() user: User, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.meetings.economy(ctx, user.economyId))?.code ?? null;
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  constructor(private readonly auth: AuthService) {}

  @SignedIn()
  @Query(() => [ApiToken], { description: 'My API tokens that are not revoked, newest first (never their secrets).' })
  apiTokens(@Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    return this.auth.listApiTokens(ctx);
  }

  @SignedIn()
  @Mutation(() => CreatedApiToken, { description: 'A personal API token for scripts; the secret is in the answer and nowhere else. Needs a password sign-in.' })
  createApiToken(@Ctx() ctx: RequestContext, @Args('input') input: CreateApiTokenInput): Promise<CreatedApiToken> {
    return this.auth.createApiToken(ctx, input);
  }

  @SignedIn()
  @Mutation(() => ApiToken, { description: "Revokes one of my API tokens (an ADMIN may revoke anyone's). It stops working at once." })
  revokeApiToken(@Ctx() ctx: RequestContext, @Args('input') input: RevokeApiTokenInput): Promise<ApiToken> {
    return this.auth.revokeApiToken(ctx, input.id);
  }

  @ResolveField(() => String, { description: 'ISO 8601, UTC.' })
  createdAt(@Parent() token: ApiToken): string {
    return token.createdAt.toISOString();
  }

  @ResolveField(() => String, { nullable: true, description: 'ISO 8601, UTC; null: works until revoked.' })
  expiresAt(@Parent() token: ApiToken): string | null {
    return token.expiresAt?.toISOString() ?? null;
  }

  @ResolveField(() => Boolean)
  revoked(@Parent() token: ApiToken): boolean {
    return token.revokedAt !== null;
  }

  @ResolveField(() => Boolean)
  expired(@Parent() token: ApiToken): boolean {
    return token.expiresAt !== null && token.expiresAt.getTime() <= Date.now();
  }
}
