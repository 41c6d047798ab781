import { graphql } from '../../gql';

export const DeskReportsQuery = graphql(`
  query DeskReports {
    progressReports {
      id
      status
      period
      version
      dateReceivedBySecretariat
      overseerName
      overseerSignatureDate
      projectTitle
      project {
        id
        title
        number
        steeringGroup {
          code
        }
      }
    }
    overdueReports {
      dueOn
      daysOverdue
      meeting {
        code
      }
      project {
        id
        title
        number
      }
    }
  }
`);

export const ReceiveReportMutation = graphql(`
  mutation ReceiveReport($input: ReceiveProgressReportInput!) {
    receiveProgressReport(input: $input) {
      id
      status
      dateReceivedBySecretariat
    }
  }
`);

export const AcceptReportMutation = graphql(`
  mutation AcceptReport($input: ProgressReportRefInput!) {
    acceptProgressReport(input: $input) {
      id
      status
    }
  }
`);

export const ReturnReportMutation = graphql(`
  mutation ReturnReport($input: ReturnProgressReportInput!) {
    returnProgressReport(input: $input) {
      id
      status
      returnComment
    }
  }
`);
