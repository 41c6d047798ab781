import { graphql } from '../../gql';

/** The number in the header. */
export const UnreadCountQuery = graphql(`
  query UnreadNotifications {
    myNotifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

export const MyNotificationsQuery = graphql(`
  query MyNotifications($first: Int!, $unreadOnly: Boolean!) {
    myNotifications(first: $first, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      nodes {
        id
        kind
        title
        body
        path
        read
        createdAt
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);
