import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '@tel/core';
import { ApiToken } from '../tokens/api-token.entity';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(256 * 4)
  password: string;
}

@ObjectType()
export class LoginResult {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token: string;

  @Field({ description: 'When the token stops working (ISO 8601, UTC).' })
  expiresAt: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field({ description: '12 to 256 characters.' })
  @IsString()
  @MaxLength(256 * 4)
  password: string;

  @Field(() => [Role], { description: 'Only an ADMIN may give SECRETARIAT or ADMIN.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field(() => String, { nullable: true, description: 'The economy a DELEGATE speaks for (required for delegates), e.g. CT.' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  economyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'How the account is named in messages and lists.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string | null;
}

@InputType()
export class DisableUserInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;
}

@InputType()
export class EnableUserInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;
}

@InputType()
export class UserFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only disabled accounts; false: only active ones.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;
}

@InputType()
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "nightly export".' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time after which the token stops working; none: it works until revoked.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  expiresAt?: string | null;
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}

@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'The secret. Shown this once: it is stored only as a hash.' })
  token: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}

@InputType()
export class InviteUserInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field({ description: 'How the account is named in messages and lists.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @Field(() => [Role], { description: 'Only an ADMIN may give SECRETARIAT or ADMIN.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field(() => String, { nullable: true, description: 'The economy a DELEGATE speaks for (required for delegates), e.g. CT.' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  economyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person of the directory this account is (a convenor, an overseer, the TEL Chair).' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  personId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field({ description: 'The account to change.' })
  @IsString()
  @MaxLength(254)
  email: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Only an ADMIN may give or take SECRETARIAT or ADMIN.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(Role, { each: true })
  roles?: Role[] | null;

  @Field(() => String, { nullable: true, description: 'The economy a DELEGATE speaks for.' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  economyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Link to a person of the directory; an empty string removes the link.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  personId?: string | null;
}

@InputType()
export class AccountLinkPasswordInput {
  @Field({ description: 'The secret from the link (/invitation/{token} or /reset-password/{token}).' })
  @IsString()
  @MaxLength(100)
  token: string;

  @Field({ description: '12 to 256 characters.' })
  @IsString()
  @MaxLength(256 * 4)
  password: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(256 * 4)
  currentPassword: string;

  @Field({ description: '12 to 256 characters.' })
  @IsString()
  @MaxLength(256 * 4)
  newPassword: string;
}

@ObjectType()
export class ChangePasswordResult {
  @Field({ description: 'Every other session of the account has ended.' })
  ok: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'A new session token when the caller signed in with one (the old one stopped working); null for a browser session, which stays signed in.',
  })
  token: string | null;
}
