import { registerEnumType } from '@nestjs/graphql';
import { ApprovalOutcome, ApprovalRequestStatus, DecisionMode } from '../rules/approval-chain.rules';
import { ApprovalKind } from '../rules/chain-templates';

registerEnumType(ApprovalKind, { name: 'ApprovalKind' });
registerEnumType(ApprovalRequestStatus, { name: 'ApprovalRequestStatus' });
registerEnumType(ApprovalOutcome, { name: 'ApprovalOutcome' });
registerEnumType(DecisionMode, { name: 'DecisionMode', description: 'IN_PLENARY: at a meeting of the body; BY_CHAIR: through its chair between meetings ("TEL Chair").' });
