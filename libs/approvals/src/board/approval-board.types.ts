import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Group, Meeting } from '@tel/meetings';
import { ApprovalRequest } from '../requests/approval-request.entity';
import { ApprovalStep } from '../requests/approval-step.entity';

@ObjectType({ description: 'A request on the board: the step it waits on and for how long.' })
export class ApprovalBoardEntry {
  @Field(() => ApprovalRequest)
  request: ApprovalRequest;

  @Field(() => ApprovalStep, { description: 'The step it waits on.' })
  step: ApprovalStep;

  @Field(() => String, { nullable: true, description: "Since when (YYYY-MM-DD): the previous step's decision, or the filing date for the first step." })
  waitingSince: string | null;

  @Field(() => Int, { nullable: true, description: "Days waited as of the board's date; null when the dates are unknown." })
  daysWaiting: number | null;

  @Field(() => Meeting, {
    nullable: true,
    description: "Where it will next be decided: the body's next meeting; null for a decision by the chair between meetings, or when unknown.",
  })
  nextMeeting: Meeting | null;
}

@ObjectType({ description: 'The requests waiting on one body.' })
export class ApprovalBoardColumn {
  @Field(() => Group)
  body: Group;

  @Field(() => Meeting, { nullable: true, description: "The body's next meeting not yet held, if known (SOM and BMC meetings are not on record)." })
  nextMeeting: Meeting | null;

  @Field(() => [ApprovalBoardEntry], { description: 'Longest waiting first.' })
  entries: ApprovalBoardEntry[];
}
