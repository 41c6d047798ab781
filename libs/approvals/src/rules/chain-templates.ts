import { DecisionMode } from './approval-chain.rules';

export enum ApprovalKind {
  EXTENSION = 'EXTENSION',
  NEW_PROJECT = 'NEW_PROJECT',
  REPORT_ENDORSEMENT = 'REPORT_ENDORSEMENT',
  REPROGRAMMING = 'REPROGRAMMING',
}

/** Where a step of a template goes: the project's steering group, or a named body. */
export type TemplateBody = { steeringGroup: true } | { groupCode: string };

export interface TemplateStep {
  body: TemplateBody;
  mode: DecisionMode;
}

const SG: TemplateStep = { body: { steeringGroup: true }, mode: DecisionMode.IN_PLENARY };
const TEL: TemplateStep = { body: { groupCode: 'TEL' }, mode: DecisionMode.IN_PLENARY };
const TEL_CHAIR: TemplateStep = { body: { groupCode: 'TEL' }, mode: DecisionMode.BY_CHAIR };
const SOM: TemplateStep = { body: { groupCode: 'SOM' }, mode: DecisionMode.IN_PLENARY };
const BMC: TemplateStep = { body: { groupCode: 'BMC' }, mode: DecisionMode.IN_PLENARY };

/**
 * The usual chains (DOMAIN.md, "Approval chains seen in the report"):
 * - extension of an APEC-funded project: steering group → TEL Chair → SOM → BMC (item 3c);
 * - extension of any other project: steering group → TEL → SOM (items 3d, 3g, 3h);
 * - new project: steering group → TEL → SOM (item 7a, self-funded); an APEC-funded one also
 *   needs BMC for its money *(APEC practice)*;
 * - endorsement of a report: steering group → TEL → SOM (item 6a);
 * - reprogramming of an APEC-funded project: steering group → BMC *(APEC practice)*.
 * A request may replace its chain when filed (item 3b went TEL → SOM).
 */
export function chainTemplate(kind: ApprovalKind, apecFunded: boolean): TemplateStep[] {
  switch (kind) {
    case ApprovalKind.EXTENSION:
      return apecFunded ? [SG, TEL_CHAIR, SOM, BMC] : [SG, TEL, SOM];
    case ApprovalKind.NEW_PROJECT:
      return apecFunded ? [SG, TEL, SOM, BMC] : [SG, TEL, SOM];
    case ApprovalKind.REPORT_ENDORSEMENT:
      return [SG, TEL, SOM];
    case ApprovalKind.REPROGRAMMING:
      return [SG, BMC];
  }
}
