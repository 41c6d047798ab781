import { graphql } from '../../gql';

export const MyProjectsQuery = graphql(`
  query MyProjects {
    myProjects {
      id
      number
      title
      status
      endDate {
        value
        precision
      }
      completionMeeting {
        code
      }
      steeringGroup {
        code
      }
      nextReportDue {
        meeting {
          code
        }
        dueOn
        daysLeft
        report {
          id
          status
          returnComment
        }
      }
      approvalRequests {
        id
        subject
        status
        awaitingStep {
          id
          body {
            code
            name
          }
          mode
        }
      }
    }
  }
`);

export const ProjectsRegisterQuery = graphql(`
  query ProjectsRegister($filter: ProjectFilter, $first: Int) {
    projects(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        number
        title
        status
        steeringGroup {
          code
        }
        forum {
          code
        }
        proposingEconomies {
          code
          name
        }
        startDate {
          value
          precision
        }
        endDate {
          value
          precision
        }
      }
    }
    groups(kind: STEERING_GROUP) {
      code
      name
    }
    economies {
      code
      name
    }
  }
`);

export const ProjectPageQuery = graphql(`
  query ProjectPage($id: ID!) {
    project(id: $id) {
      id
      number
      title
      status
      fundingAccount
      projectType
      projectTypeOther
      description
      source
      viewerIsOverseer
      forum {
        code
        name
      }
      steeringGroup {
        code
        name
      }
      proposingEconomies {
        code
        name
      }
      coSponsoringEconomies {
        code
        name
      }
      overseer {
        name
        title
        organization {
          name
        }
      }
      overseerContact {
        postalAddress
        phone
        fax
        email
      }
      totalCost {
        amount
        qualifier
      }
      apecFundingSought {
        amount
        qualifier
      }
      startDate {
        value
        precision
      }
      endDate {
        value
        precision
      }
      completionMeeting {
        code
      }
      documents {
        documentSymbol
      }
      nextReportDue {
        meeting {
          code
        }
        dueOn
        daysLeft
        report {
          id
          status
        }
      }
      progressReports {
        id
        status
        period
        dateReceivedBySecretariat
        overseerSignatureDate
        documentSymbol
        returnComment
      }
      approvalRequests {
        id
        kind
        subject
        reason
        status
        filedOn
        requestedEndDate {
          value
          precision
        }
        requestedCompletionMeeting {
          code
        }
        steps {
          id
          position
          mode
          outcome
          body {
            code
            name
          }
          decision {
            decidedOn
            note
            documentSymbol
            meeting {
              code
            }
          }
        }
      }
      history {
        ...HistoryFields
      }
    }
  }
`);

export const HistoryFields = graphql(`
  fragment HistoryFields on HistoryEvent {
    id
    at
    action
    fromState
    toState
    note
    actorEmail
    changes {
      field
      before
      after
    }
  }
`);

export const DraftReportMutation = graphql(`
  mutation DraftReport($input: DraftProgressReportInput!) {
    draftProgressReport(input: $input) {
      id
    }
  }
`);
