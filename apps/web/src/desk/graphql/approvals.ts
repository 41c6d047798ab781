import { graphql } from '../../gql';

export const DecisionFieldsFragment = graphql(`
  fragment DeskDecisionFields on ApprovalDecision {
    id
    sequence
    outcome
    decidedOn
    documentSymbol
    note
    recordedAt
    recordedByEmail
    meeting {
      code
    }
    corrects {
      id
      sequence
    }
  }
`);

export const StepFieldsFragment = graphql(`
  fragment DeskStepFields on ApprovalStep {
    id
    version
    position
    mode
    outcome
    body {
      code
      name
    }
    decision {
      ...DeskDecisionFields
    }
    decisions {
      ...DeskDecisionFields
    }
  }
`);

export const RequestFieldsFragment = graphql(`
  fragment DeskRequestFields on ApprovalRequest {
    id
    kind
    status
    subject
    filedOn
    project {
      id
      title
    }
    awaitingStep {
      id
    }
    steps {
      ...DeskStepFields
    }
  }
`);

export const ApprovalBoardQuery = graphql(`
  query DeskApprovalBoard {
    steeringGroups {
      code
      name
    }
    approvalBoard {
      body {
        code
        name
      }
      nextMeeting {
        code
      }
      entries {
        daysWaiting
        waitingSince
        nextMeeting {
          code
          startDate
        }
        step {
          id
        }
        request {
          ...DeskRequestFields
        }
      }
    }
  }
`);

export const ApprovalRequestQuery = graphql(`
  query DeskApprovalRequest($id: ID!) {
    approvalRequest(id: $id) {
      ...DeskRequestFields
    }
  }
`);

export const DecideStepMutation = graphql(`
  mutation DeskDecideStep($input: DecideApprovalStepInput!) {
    decideApprovalStep(input: $input) {
      ...DeskRequestFields
    }
  }
`);
