import { ApprovalDecision } from './requests/approval-decision.entity';
import { ApprovalRequest } from './requests/approval-request.entity';
import { ApprovalStep } from './requests/approval-step.entity';

export const APPROVALS_ENTITIES = [ApprovalRequest, ApprovalStep, ApprovalDecision];
