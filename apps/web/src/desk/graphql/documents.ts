import { graphql } from '../../gql';

export const DeskDocumentsSetupQuery = graphql(`
  query DeskDocumentsSetup {
    meetings(first: 100) {
      nodes {
        id
        code
        title
      }
    }
    groups {
      id
      code
      name
    }
  }
`);

export const DeskDocumentQuery = graphql(`
  query DeskDocument($symbol: String!) {
    document(symbol: $symbol) {
      id
      symbol
      title
      access
      type
      status
      meeting {
        code
      }
      group {
        code
      }
      latestRevision {
        number
      }
      revisions {
        id
        number
        symbol
        note
        files {
          id
          name
          size
          kind
          indexState
          indexError
        }
      }
    }
  }
`);

export const RegisterDocumentMutation = graphql(`
  mutation DeskRegisterDocument($input: RegisterDocumentInput!) {
    registerDocument(input: $input) {
      id
      symbol
      title
    }
  }
`);

export const AddRevisionMutation = graphql(`
  mutation DeskAddRevision($input: AddRevisionInput!) {
    addRevision(input: $input) {
      id
      number
      symbol
    }
  }
`);

export const ChangeAccessMutation = graphql(`
  mutation DeskChangeAccess($input: UpdateDocumentInput!) {
    updateDocument(input: $input) {
      id
      symbol
      access
    }
  }
`);

export const RetryIndexingMutation = graphql(`
  mutation DeskRetryIndexing($fileId: ID!) {
    retryIndexing(fileId: $fileId) {
      id
      indexState
      indexError
    }
  }
`);
