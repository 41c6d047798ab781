import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { PartyRefInput } from '../shared/lookup.service';

@InputType()
export class CreateAgendaInput {
  @Field()
  @IsString()
  @MaxLength(20)
  meetingCode: string;

  @Field({ description: 'TEL for the plenary agenda, or a steering group / task force.' })
  @IsString()
  @MaxLength(16)
  groupCode: string;

  @Field(() => String, { nullable: true, description: 'Defaults to "<group> agenda, <meeting>".' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string | null;
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  agendaId: string;

  @Field(() => ID, { nullable: true, description: 'Nest under this item; top level when absent.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  parentId?: string | null;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @Field(() => Int, { nullable: true, description: 'Where among its siblings, from 1; last when absent.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  position?: number | null;

  @Field(() => String, { nullable: true, description: 'Its printed label ("f"); when absent, labels follow positions and later siblings are relabelled.' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  label?: string | null;

  @Field(() => [PartyRefInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyRefInput)
  presenters?: PartyRefInput[] | null;

  @Field(() => ID, { nullable: true, description: 'The session of the same meeting where it is taken.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  sessionId?: string | null;
}

@InputType()
export class UpdateAgendaItemInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true, description: 'Only while the agenda is a draft.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title?: string | null;

  @Field(() => [PartyRefInput], { nullable: true, description: 'Replaces the presenters.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyRefInput)
  presenters?: PartyRefInput[] | null;

  @Field(() => ID, { nullable: true, description: 'The session where it is taken; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  sessionId?: string | null;
}

@InputType()
export class MoveAgendaItemInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The new parent (nesting); null or absent moves it to the top level.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  parentId?: string | null;

  @Field(() => Int, { description: 'Its position among the new siblings, from 1.' })
  @IsInt()
  @Min(1)
  @Max(999)
  position: number;
}

@InputType()
export class AgendaItemRefInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}

@InputType()
export class AgendaRefInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  agendaId: string;
}

@InputType()
export class RecordAgendaOutcomeInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  itemId: string;

  @Field({ description: 'What was decided or reported; an empty string clears it.' })
  @IsString()
  @MaxLength(20000)
  outcome: string;
}
