import { graphql } from '../../gql';

export const DocumentPageQuery = graphql(`
  query DocumentPage($symbol: String!) {
    document(symbol: $symbol) {
      id
      symbol
      apecSymbol
      title
      language
      type
      purpose
      access
      status
      statusNote
      year
      registeredAt
      meeting {
        code
        title
      }
      group {
        code
        name
      }
      submittedBy {
        __typename
        name
        ... on Economy {
          code
        }
        ... on Organization {
          code
        }
      }
      agendaItem {
        id
        label
        number
        title
        agenda {
          group {
            code
            name
          }
          meeting {
            code
          }
        }
      }
      supersededBy {
        symbol
        title
      }
      revision {
        number
      }
      latestRevision {
        number
      }
      revisions {
        id
        number
        symbol
        addedAt
        note
        files {
          id
          name
          size
          contentType
          kind
          pageCount
          indexState
        }
      }
    }
  }
`);

/** Projects are few (tens): the page finds the ones that list this paper among theirs. */
export const ProjectsOfDocumentQuery = graphql(`
  query ProjectsOfDocument {
    projects(first: 100) {
      nodes {
        id
        number
        title
        status
        documents {
          documentSymbol
        }
      }
    }
  }
`);
