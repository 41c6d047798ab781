import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MeetingStatus } from './meeting.entity';

@InputType()
export class MeetingFilter {
  @Field(() => MeetingStatus, { nullable: true })
  @IsOptional()
  status?: MeetingStatus;

  @Field(() => String, { nullable: true, description: 'Meetings of this group (TEL by default data).' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  groupCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  hostEconomyCode?: string;

  @Field(() => Int, { nullable: true, description: 'Meetings starting in this year.' })
  @IsOptional()
  @IsInt()
  @Min(1989)
  @Max(2200)
  year?: number;
}

@InputType()
export class CreateMeetingInput {
  @Field({ description: 'Upper-case code, e.g. TEL42.' })
  @IsString()
  @MinLength(2)
  @MaxLength(20)
  code: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  number?: number | null;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @Field({ defaultValue: 'TEL' })
  @IsString()
  @MaxLength(16)
  groupCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  hostEconomyCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venueLocalName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Asia/Tokyo.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => MeetingStatus, { defaultValue: MeetingStatus.PLANNED })
  @IsOptional()
  status: MeetingStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

/** Identify the meeting by `code`; every other field given replaces the stored value (null clears it). */
@InputType()
export class UpdateMeetingInput {
  @Field()
  @IsString()
  @MaxLength(20)
  code: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  number?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  hostEconomyCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venueLocalName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  startDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => MeetingStatus, { nullable: true })
  @IsOptional()
  status?: MeetingStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}
