import { graphql } from '../../gql';

export const SearchDocumentsQuery = graphql(`
  query SearchDocuments($query: String!, $filter: SearchDocumentsFilter, $first: Int, $after: String) {
    searchDocuments(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
      }
      facets {
        meetings {
          value
          count
        }
        groups {
          value
          count
        }
        types {
          value
          count
        }
        years {
          value
          count
        }
        economies {
          value
          count
        }
      }
      nodes {
        revision
        page
        section
        snippet
        symbolMatch
        file {
          id
          name
          contentType
        }
        document {
          id
          symbol
          title
          language
          type
          access
          meeting {
            code
          }
          group {
            code
            name
          }
        }
      }
    }
  }
`);
