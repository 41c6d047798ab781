import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ContactDetailsInput, MoneyInput } from '../shared/value-types';
import { FundingAccount, ProjectStatus, ProjectType } from './project.enums';

@InputType()
export class ProjectFilter {
  @Field(() => ProjectStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus | null;

  @Field(() => String, { nullable: true, description: 'e.g. SPSG' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  steeringGroupCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Projects this economy proposes or co-sponsors, e.g. CT.' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  economyCode?: string | null;

  @Field(() => FundingAccount, { nullable: true })
  @IsOptional()
  @IsEnum(FundingAccount)
  fundingAccount?: FundingAccount | null;

  @Field(() => Int, { nullable: true, description: 'Projects running at some time in this year (by their start and end dates), e.g. 2008.' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Part of the title (any case).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the projects the signed-in account oversees.' })
  @IsOptional()
  @IsBoolean()
  overseenByMe?: boolean | null;
}

/**
 * The register's fields shared by create and update. On update a field left out stays as it is
 * and null clears it; the lists replace what was there.
 */
@InputType({ isAbstract: true })
export class ProjectFieldsInput {
  @Field(() => String, { nullable: true, description: 'APEC project number, "TEL 01/2007S" or "TEL 01 2007S".' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  number?: string | null;

  @Field(() => String, { nullable: true, description: 'The steering group, e.g. SPSG.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  steeringGroupCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Proposing economies in order, e.g. ["AUS", "USA"]. Replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(21)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  proposingEconomyCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Co-sponsoring economies in order. Replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(21)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  coSponsoringEconomyCodes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The overseer (a person).' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  overseerPersonId?: string | null;

  @Field(() => ContactDetailsInput, { nullable: true, description: "The overseer's contact details as the project gives them. Replaces them." })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDetailsInput)
  overseerContact?: ContactDetailsInput | null;

  @Field(() => [String], { nullable: true, description: 'E-mails of the accounts (with the OVERSEER role) that act as overseer. Replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  overseerAccountEmails?: string[] | null;

  @Field(() => FundingAccount, { nullable: true })
  @IsOptional()
  @IsEnum(FundingAccount)
  fundingAccount?: FundingAccount | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Total cost in US$.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  totalCost?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Amount sought from APEC in US$.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  apecFundingSought?: MoneyInput | null;

  @Field(() => ProjectType, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectType)
  projectType?: ProjectType | null;

  @Field(() => String, { nullable: true, description: 'With projectType OTHER: what it is.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  projectTypeOther?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Completion by a meeting, e.g. TEL38.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  completionMeetingCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Symbols of linked meeting documents. Replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  documentSymbols?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Agenda items where the project was taken up. Replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  agendaItemIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Where the information comes from.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  source?: string | null;
}

@InputType()
export class CreateProjectInput extends ProjectFieldsInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @Field({ defaultValue: 'TEL', description: 'The forum (committee or working group).' })
  @IsString()
  @MaxLength(16)
  forumCode: string;

  @Field(() => ProjectStatus, { defaultValue: ProjectStatus.PROPOSED, description: 'PROPOSED for a new proposal; another status for a project entered after the fact.' })
  @IsOptional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus;
}

@InputType()
export class UpdateProjectInput extends ProjectFieldsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  forumCode?: string | null;
}

@InputType()
export class ChangeProjectStatusInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => ProjectStatus)
  @IsEnum(ProjectStatus)
  status: ProjectStatus;

  @Field(() => String, { nullable: true, description: 'Why, e.g. "outputs delivered, reported at TEL37".' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}
