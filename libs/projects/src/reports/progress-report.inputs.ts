import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { FundingAccount, ProjectType } from '../projects/project.enums';
import { ContactDetailsInput, MoneyInput } from '../shared/value-types';
import { OverseerSex } from './progress-report.entity';
import { FormAnswer } from './progress-report.rules';

/** A nullable text field of the form. */
const text = (description?: string) => Field(() => String, { nullable: true, description });

/** Every field of the form. Left out: unchanged (on a new draft, taken from the register); null: cleared. */
@InputType({ isAbstract: true })
export class ProgressReportFieldsInput {
  @Field(() => FundingAccount, { nullable: true })
  @IsOptional()
  @IsEnum(FundingAccount)
  fundingAccount?: FundingAccount | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  projectNumber?: string | null;

  @text('Name of committee / working group.')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  committeeName?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  projectTitle?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(21)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  proposingEconomyCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(21)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  coSponsoringEconomyCodes?: string[] | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  overseerName?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  overseerTitle?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  overseerOrganization?: string | null;

  @Field(() => OverseerSex, { nullable: true })
  @IsOptional()
  @IsEnum(OverseerSex)
  overseerSex?: OverseerSex | null;

  @Field(() => ContactDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDetailsInput)
  overseerContact?: ContactDetailsInput | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  totalCost?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  apecFundingSought?: MoneyInput | null;

  @Field(() => ProjectType, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectType)
  projectType?: ProjectType | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  projectTypeOther?: string | null;

  @text('YYYY, YYYY-MM or YYYY-MM-DD.')
  @IsOptional()
  @IsString()
  @MaxLength(10)
  startDate?: string | null;

  @text('YYYY, YYYY-MM or YYYY-MM-DD.')
  @IsOptional()
  @IsString()
  @MaxLength(10)
  endDate?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => FormAnswer, { nullable: true })
  @IsOptional()
  @IsEnum(FormAnswer)
  onSchedule?: FormAnswer | null;

  @Field(() => FormAnswer, { nullable: true })
  @IsOptional()
  @IsEnum(FormAnswer)
  withinBudget?: FormAnswer | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  objectivesResults?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  linkagesMethodologyBudget?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  genderImpactOnWomen?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  genderWomenConsulted?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  genderSexDisaggregatedData?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  progressSinceLastReport?: string | null;

  @text()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  overseerSignatureName?: string | null;

  @text('YYYY-MM-DD')
  @IsOptional()
  @IsString()
  @MaxLength(10)
  overseerSignatureDate?: string | null;
}

@InputType()
export class DraftProgressReportInput extends ProgressReportFieldsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  projectId: string;

  @Field({ description: 'The reporting period: the TEL meeting the report is for, e.g. TEL38.' })
  @IsString()
  @MaxLength(20)
  meetingCode: string;
}

@InputType()
export class UpdateProgressReportInput extends ProgressReportFieldsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you edited; a different current version answers CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

@InputType()
export class ProgressReportRefInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true, description: 'A note for the history.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}

@InputType()
export class ReceiveProgressReportInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true, description: 'Date received by the Secretariat (YYYY-MM-DD); today when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  dateReceived?: string | null;
}

@InputType()
export class ReturnProgressReportInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field({ description: 'What the overseer should change.' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  comment: string;
}

@InputType()
export class TableProgressReportInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field({ description: 'The meeting where it is tabled, e.g. TEL37.' })
  @IsString()
  @MaxLength(20)
  meetingCode: string;

  @Field(() => String, { nullable: true, description: 'Its symbol as a meeting document, e.g. 2008-TELWG37-SPSG-010.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentSymbol?: string | null;
}
