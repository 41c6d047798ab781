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
}

@InputType()
export class DisableUserInput {
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
