import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SessionKind } from './session.entity';

@InputType()
export class CreateSessionInput {
  @Field()
  @IsString()
  @MaxLength(20)
  meetingCode: string;

  @Field(() => SessionKind)
  kind: SessionKind;

  @Field(() => String, { nullable: true, description: 'The group that holds it (TEL for plenaries); none for social events.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  groupCode?: string | null;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @Field({ description: 'Local time in the meeting\'s zone ("2008-03-26T14:00") or an instant with offset.' })
  @IsString()
  @MaxLength(40)
  startsAt: string;

  @Field({ description: 'As startsAt.' })
  @IsString()
  @MaxLength(40)
  endsAt: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  timeIsConventional: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  tentative: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  leadEconomyCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}

/** Every field given replaces the stored value; nullable ones are cleared by null. */
@InputType()
export class UpdateSessionInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => SessionKind, { nullable: true })
  @IsOptional()
  kind?: SessionKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  groupCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  startsAt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  endsAt?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  timeIsConventional?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  tentative?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  leadEconomyCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}

@InputType()
export class DeleteSessionInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}
