import { graphql } from '../../gql';

export const MeetingsListQuery = graphql(`
  query MeetingsList {
    meetings(first: 100) {
      totalCount
      nodes {
        id
        code
        title
        number
        status
        startDate
        endDate
        city
        timeZone
        hostEconomy {
          name
        }
        group {
          code
        }
      }
    }
  }
`);

export const AgendaItemFields = graphql(`
  fragment AgendaItemFields on AgendaItem {
    id
    number
    label
    title
    outcome
    presenters {
      __typename
      name
    }
    documents {
      id
      symbol
      title
      language
    }
  }
`);

export const MeetingPageQuery = graphql(`
  query MeetingPage($code: String!) {
    meeting(code: $code) {
      id
      code
      title
      number
      status
      startDate
      endDate
      city
      venue
      venueLocalName
      timeZone
      notes
      hostEconomy {
        name
      }
      group {
        code
        name
      }
      sessions {
        id
        title
        kind
        startsAt
        endsAt
        tentative
        timeIsConventional
        note
        group {
          code
        }
      }
      agendas {
        id
        title
        status
        group {
          code
          name
        }
        items {
          ...AgendaItemFields
          children {
            ...AgendaItemFields
            children {
              ...AgendaItemFields
              children {
                ...AgendaItemFields
              }
            }
          }
        }
      }
    }
  }
`);

export const MeetingDocumentsQuery = graphql(`
  query MeetingDocuments($filter: DocumentFilter!, $first: Int!) {
    documents(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        symbol
        title
        language
        type
        access
        registeredAt
        number
        group {
          code
        }
        submittedBy {
          __typename
          name
        }
      }
    }
  }
`);
