import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ApprovalOutcome, ApprovalRequestStatus, DecisionMode } from '../rules/approval-chain.rules';
import { ApprovalKind } from '../rules/chain-templates';

@InputType()
export class ApprovalRequestFilter {
  @Field(() => String, { nullable: true, description: 'Requests waiting on this body now, e.g. TEL, SOM, SPSG.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  awaitingBody?: string | null;

  @Field(() => ApprovalKind, { nullable: true })
  @IsOptional()
  @IsEnum(ApprovalKind)
  kind?: ApprovalKind | null;

  @Field(() => ApprovalRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApprovalRequestStatus)
  status?: ApprovalRequestStatus | null;

  @Field(() => String, { nullable: true, description: 'Requests about the project with this number ("TEL 01/2007S").' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  projectNumber?: string | null;
}

@InputType()
export class ApprovalStepInput {
  @Field({ description: 'The deciding body, e.g. SPSG, TEL, SOM, BMC.' })
  @IsString()
  @MaxLength(16)
  groupCode: string;

  @Field(() => DecisionMode, { defaultValue: DecisionMode.IN_PLENARY })
  @IsOptional()
  @IsEnum(DecisionMode)
  mode?: DecisionMode;
}

@InputType()
export class FileApprovalRequestInput {
  @Field(() => ApprovalKind)
  @IsEnum(ApprovalKind)
  kind: ApprovalKind;

  @Field(() => ID, { nullable: true, description: 'Required for EXTENSION, NEW_PROJECT and REPROGRAMMING.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'REPORT_ENDORSEMENT of a progress report.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  progressReportId?: string | null;

  @Field(() => String, { nullable: true, description: 'REPORT_ENDORSEMENT of a document, by symbol.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentSymbol?: string | null;

  @Field(() => String, { nullable: true, description: 'What is asked, in a line; made from the kind and the project when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subject?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'EXTENSION: the new end date, YYYY, YYYY-MM or YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  requestedEndDate?: string | null;

  @Field(() => String, { nullable: true, description: 'EXTENSION: completion by this meeting, e.g. TEL38.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  requestedCompletionMeetingCode?: string | null;

  @Field(() => [ApprovalStepInput], { nullable: true, description: "The chain, in order; when left out, the usual chain for the kind (the project's steering group first)." })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => ApprovalStepInput)
  steps?: ApprovalStepInput[] | null;

  @Field(() => String, { nullable: true, description: 'The steering group that starts the usual chain, when there is no project.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  steeringGroupCode?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  filedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  source?: string | null;
}

@InputType()
export class DecideApprovalStepInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  stepId: string;

  @Field(() => Int, { description: "The step's version as you read it. If anyone decided the step since, the answer is CONFLICT and nothing is recorded." })
  @IsInt()
  @Min(0)
  expectedVersion: number;

  @Field(() => ApprovalOutcome, { description: 'APPROVED, REJECTED or DEFERRED; PENDING only in a correction (retracting a decision recorded by mistake).' })
  @IsEnum(ApprovalOutcome)
  outcome: ApprovalOutcome;

  @Field(() => String, { nullable: true, description: 'When the body decided (YYYY-MM-DD); today when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  decidedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The meeting where it was decided, e.g. TEL38 (none for a decision by the chair between meetings).' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  meetingCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The document that records the decision, by symbol.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentSymbol?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;

  @Field(() => ID, { nullable: true, description: "A correction: the step's current decision, which this one supersedes (it stays on record)." })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  correctsDecisionId?: string | null;
}

@InputType()
export class WithdrawApprovalRequestInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;
}
