import { Args, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Connection, Ctx, PageArgs, Public, RequestContext, Role, SecretariatOnly, SignedIn } from '@tel/core';
import { Document, DocumentVisibility } from '@tel/documents';
import { Group, Meeting, MeetingsLoaders } from '@tel/meetings';
import { HistoryEvent, HistoryService, HistorySubject, PartialDate, partialDate, ProgressReport, Project, ProjectsLoaders } from '@tel/projects';
import { ApprovalBoardService } from '../board/approval-board.service';
import { ApprovalBoardColumn } from '../board/approval-board.types';
import { ApprovalRequestStatus, awaitingStepIndex } from '../rules/approval-chain.rules';
import { ApprovalDecision } from './approval-decision.entity';
import { ApprovalRequest } from './approval-request.entity';
import { ApprovalStep } from './approval-step.entity';
import { ApprovalRequestFilter, DecideApprovalStepInput, FileApprovalRequestInput, WithdrawApprovalRequestInput } from './approval.inputs';
import { ApprovalsLoaders } from './approvals.loaders';
import { ApprovalsService } from './approvals.service';

@ObjectType()
export class ApprovalRequestConnection extends Connection(ApprovalRequest) {}

@Resolver(() => ApprovalRequest)
export class ApprovalRequestResolver {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly boardService: ApprovalBoardService,
    private readonly loaders: ApprovalsLoaders,
    private readonly projectLoaders: ProjectsLoaders,
    private readonly meetings: MeetingsLoaders,
    private readonly historyService: HistoryService,
    private readonly visibility: DocumentVisibility,
  ) {}

  @Public()
  @Query(() => ApprovalRequest)
  approvalRequest(@Args('id', { type: () => ID }) id: string): Promise<ApprovalRequest> {
    return this.approvals.byId(id);
  }

  @Public()
  @Query(() => ApprovalRequestConnection, { description: 'Requests in the order they were filed.' })
  approvalRequests(
    @Args('filter', { type: () => ApprovalRequestFilter, nullable: true }) filter: ApprovalRequestFilter | null,
    @Args() page: PageArgs,
  ): Promise<ApprovalRequestConnection> {
    return this.approvals.list(filter, page);
  }

  @Public()
  @Query(() => [ApprovalBoardColumn], { description: 'Pending requests grouped by the body each waits on, by body code.' })
  approvalBoard(
    @Args('asOf', { type: () => String, nullable: true, description: 'Count waiting days up to this date (YYYY-MM-DD); today when left out.' }) asOf: string | null,
  ): Promise<ApprovalBoardColumn[]> {
    return this.boardService.board(asOf);
  }

  @Allow(Role.SECRETARIAT, Role.OVERSEER)
  @Mutation(() => ApprovalRequest, {
    description: 'Files a request with its chain. The Secretariat files any; an overseer files extensions and reprogramming for their own project.',
  })
  fileApprovalRequest(@Ctx() ctx: RequestContext, @Args('input') input: FileApprovalRequestInput): Promise<ApprovalRequest> {
    return this.approvals.file(ctx, input);
  }

  @SignedIn()
  @Mutation(() => ApprovalRequest, {
    description:
      "Records a body's decision on a step (the secretariat; for a step decided BY_CHAIR also the account linked to that body's chair, else FORBIDDEN NOT_CHAIR): only when every earlier step has approved (else INVALID_STATE); a stale expectedVersion answers CONFLICT. A correction (correctsDecisionId) adds a new decision; nothing is edited in place.",
  })
  decideApprovalStep(@Ctx() ctx: RequestContext, @Args('input') input: DecideApprovalStepInput): Promise<ApprovalRequest> {
    return this.approvals.decide(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => ApprovalRequest)
  withdrawApprovalRequest(@Ctx() ctx: RequestContext, @Args('input') input: WithdrawApprovalRequestInput): Promise<ApprovalRequest> {
    return this.approvals.withdraw(ctx, input);
  }

  @ResolveField(() => Project, { nullable: true })
  project(@Parent() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<Project | null> {
    return this.projectLoaders.project(ctx, r.projectId);
  }

  @ResolveField(() => ProgressReport, { nullable: true, description: 'The progress report to endorse.' })
  progressReport(@Parent() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<ProgressReport | null> {
    return this.projectLoaders.report(ctx, r.progressReportId);
  }

  @ResolveField(() => Document, { nullable: true, description: 'The registered document to endorse (null until registered, or when the caller may not read it).' })
  async document(@Parent() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<Document | null> {
    return this.visibility.linked(ctx, r.documentId, r.documentSymbol);
  }

  @ResolveField(() => PartialDate, { nullable: true, description: 'EXTENSION: the new end date.' })
  requestedEndDate(@Parent() r: ApprovalRequest): PartialDate | null {
    return partialDate(r.requestedEndDate);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'EXTENSION: completion by this meeting.' })
  requestedCompletionMeeting(@Parent() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.meetings.meeting(ctx, r.requestedCompletionMeetingId);
  }

  @ResolveField(() => [ApprovalStep], { description: 'The chain, in order.' })
  steps(@Parent() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<ApprovalStep[]> {
    return this.loaders.stepsOfRequest(ctx, r.id);
  }

  @ResolveField(() => ApprovalStep, { nullable: true, description: 'The step it waits on; null once approved, rejected or withdrawn.' })
  async awaitingStep(@Parent() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<ApprovalStep | null> {
    if (r.status !== ApprovalRequestStatus.PENDING) return null;
    const steps = await this.loaders.stepsOfRequest(ctx, r.id);
    const index = awaitingStepIndex(steps);
    return index === null ? null : steps[index];
  }

  @ResolveField(() => [HistoryEvent], { description: 'Every change, oldest first.' })
  history(@Parent() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<HistoryEvent[]> {
    return this.historyService.of(ctx, HistorySubject.APPROVAL_REQUEST, r.id);
  }
}

@Resolver(() => ApprovalStep)
export class ApprovalStepResolver {
  constructor(
    private readonly loaders: ApprovalsLoaders,
    private readonly meetings: MeetingsLoaders,
  ) {}

  @ResolveField(() => Group, { description: 'The deciding body.' })
  body(@Parent() s: ApprovalStep, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.meetings.group(ctx, s.groupId);
  }

  @ResolveField(() => ApprovalRequest)
  request(@Parent() s: ApprovalStep, @Ctx() ctx: RequestContext): Promise<ApprovalRequest | null> {
    return this.loaders.request(ctx, s.requestId);
  }

  @ResolveField(() => ApprovalDecision, { nullable: true, description: 'The current decision (the latest); null while none.' })
  async decision(@Parent() s: ApprovalStep, @Ctx() ctx: RequestContext): Promise<ApprovalDecision | null> {
    return (await this.loaders.decisionsOfStep(ctx, s.id)).at(-1) ?? null;
  }

  @ResolveField(() => [ApprovalDecision], { description: 'Every decision recorded on the step, corrections included, oldest first.' })
  decisions(@Parent() s: ApprovalStep, @Ctx() ctx: RequestContext): Promise<ApprovalDecision[]> {
    return this.loaders.decisionsOfStep(ctx, s.id);
  }
}

@Resolver(() => ApprovalDecision)
export class ApprovalDecisionResolver {
  constructor(
    private readonly loaders: ApprovalsLoaders,
    private readonly meetings: MeetingsLoaders,
    private readonly visibility: DocumentVisibility,
  ) {}

  @ResolveField(() => Document, { nullable: true, description: 'The registered document that records it.' })
  async document(@Parent() d: ApprovalDecision, @Ctx() ctx: RequestContext): Promise<Document | null> {
    return this.visibility.linked(ctx, d.documentId, d.documentSymbol);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'Where it was decided.' })
  meeting(@Parent() d: ApprovalDecision, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.meetings.meeting(ctx, d.meetingId);
  }

  @ResolveField(() => ApprovalDecision, { nullable: true, description: 'The decision this one corrects.' })
  corrects(@Parent() d: ApprovalDecision, @Ctx() ctx: RequestContext): Promise<ApprovalDecision | null> {
    return this.loaders.decision(ctx, d.correctsDecisionId);
  }

  @ResolveField(() => String, { description: 'When it was recorded (ISO 8601, UTC).' })
  recordedAt(@Parent() d: ApprovalDecision): string {
    return d.createdAt.toISOString();
  }
}

/** Adds `approvalRequests` to Project (projects know nothing of approvals). */
@Resolver(() => Project)
export class ProjectApprovalsResolver {
  constructor(private readonly loaders: ApprovalsLoaders) {}

  @ResolveField(() => [ApprovalRequest], { description: 'Requests about this project, in the order they were filed.' })
  approvalRequests(@Parent() p: Project, @Ctx() ctx: RequestContext): Promise<ApprovalRequest[]> {
    return this.loaders.requestsOfProject(ctx, p.id);
  }
}
