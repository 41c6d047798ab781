import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { byKeys, groupByKeys, loaderFor, RequestContext, UnitOfWork } from '@tel/core';
import { ApprovalDecision } from './approval-decision.entity';
import { ApprovalRequest } from './approval-request.entity';
import { ApprovalStep } from './approval-step.entity';

/** Per-request batched reads of requests, steps and decisions. */
@Injectable()
export class ApprovalsLoaders {
  constructor(private readonly uow: UnitOfWork) {}

  request(ctx: RequestContext, id: string): Promise<ApprovalRequest | null> {
    return loaderFor<string, ApprovalRequest | null>(ctx, 'approvalRequest', async (ids) =>
      byKeys(ids, await this.uow.manager.find(ApprovalRequest, { where: { id: In([...ids]) } }), (r) => r.id),
    ).load(id);
  }

  decision(ctx: RequestContext, id: string | null): Promise<ApprovalDecision | null> {
    if (!id) return Promise.resolve(null);
    return loaderFor<string, ApprovalDecision | null>(ctx, 'approvalDecision', async (ids) =>
      byKeys(ids, await this.uow.manager.find(ApprovalDecision, { where: { id: In([...ids]) } }), (r) => r.id),
    ).load(id);
  }

  stepsOfRequest(ctx: RequestContext, requestId: string): Promise<ApprovalStep[]> {
    return loaderFor<string, ApprovalStep[]>(ctx, 'stepsOfRequest', async (ids) =>
      groupByKeys(ids, await this.uow.manager.find(ApprovalStep, { where: { requestId: In([...ids]) }, order: { position: 'ASC' } }), (r) => r.requestId),
    ).load(requestId);
  }

  /** Oldest first; the last is the step's current decision. */
  decisionsOfStep(ctx: RequestContext, stepId: string): Promise<ApprovalDecision[]> {
    return loaderFor<string, ApprovalDecision[]>(ctx, 'decisionsOfStep', async (ids) =>
      groupByKeys(ids, await this.uow.manager.find(ApprovalDecision, { where: { stepId: In([...ids]) }, order: { sequence: 'ASC' } }), (r) => r.stepId),
    ).load(stepId);
  }

  requestsOfProject(ctx: RequestContext, projectId: string): Promise<ApprovalRequest[]> {
    return loaderFor<string, ApprovalRequest[]>(ctx, 'requestsOfProject', async (ids) =>
      groupByKeys(ids, await this.uow.manager.find(ApprovalRequest, { where: { projectId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }), (r) => r.projectId!),
    ).load(projectId);
  }
}
