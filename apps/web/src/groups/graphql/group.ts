import { graphql } from '../../gql';

export const GroupPageQuery = graphql(`
  query GroupPage($code: String!) {
    group(code: $code) {
      id
      code
      name
      kind
      description
      parent {
        code
        name
      }
      children {
        code
        name
      }
      officeHolders(history: true) {
        id
        role
        current
        note
        person {
          name
          nameLocal
        }
        economy {
          name
        }
        fromMeeting {
          code
        }
        toMeeting {
          code
        }
      }
    }
    documents(filter: { groupCode: $code }, first: 100) {
      totalCount
      nodes {
        id
        symbol
        title
        language
        type
        meeting {
          code
          title
          startDate
        }
      }
    }
  }
`);
