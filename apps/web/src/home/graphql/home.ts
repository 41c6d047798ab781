import { graphql } from '../../gql';

export const RecentDocumentsQuery = graphql(`
  query RecentDocuments {
    searchDocuments(query: "", first: 8) {
      nodes {
        document {
          id
          symbol
          title
          language
          type
          registeredAt
          meeting {
            code
          }
        }
      }
    }
  }
`);
