import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'e.g. meeting.create, user.disable' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Meeting, User, ApiToken' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes made by this account (any case).' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actorEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'At or after this instant (ISO 8601, e.g. 2026-05-01 or 2026-05-01T09:00:00Z).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Before this instant (ISO 8601).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  until?: string | null;
}
