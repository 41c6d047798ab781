import { graphql } from '../../gql';

export const ReportFormFields = graphql(`
  fragment ReportFormFields on ProgressReport {
    id
    status
    version
    period
    returnComment
    carriedOver
    fundingAccount
    projectNumber
    dateReceivedBySecretariat
    committeeName
    projectTitle
    proposingEconomies {
      code
      name
    }
    coSponsoringEconomies {
      code
      name
    }
    overseerName
    overseerTitle
    overseerOrganization
    overseerSex
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
    projectType
    projectTypeOther
    startDate {
      value
      precision
    }
    endDate {
      value
      precision
    }
    description
    overseerSignatureName
    overseerSignatureDate
    onSchedule
    withinBudget
    objectivesResults
    linkagesMethodologyBudget
    genderImpactOnWomen
    genderWomenConsulted
    genderSexDisaggregatedData
    progressSinceLastReport
  }
`);

export const ReportPageQuery = graphql(`
  query ReportPage($id: ID!) {
    progressReport(id: $id) {
      ...ReportFormFields
      documentSymbol
      tabledAtMeeting {
        code
      }
      project {
        id
        title
        viewerIsOverseer
        steeringGroup {
          code
          name
        }
      }
      previousReport {
        id
        period
      }
      changesSincePrevious {
        field
        before
        after
      }
      history {
        ...HistoryFields
      }
    }
    economies {
      code
      name
    }
  }
`);

export const UpdateReportMutation = graphql(`
  mutation UpdateReport($input: UpdateProgressReportInput!) {
    updateProgressReport(input: $input) {
      ...ReportFormFields
    }
  }
`);

export const SubmitReportMutation = graphql(`
  mutation SubmitReport($input: ProgressReportRefInput!) {
    submitProgressReport(input: $input) {
      id
      status
    }
  }
`);
