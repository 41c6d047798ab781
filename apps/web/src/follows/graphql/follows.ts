import { graphql } from '../../gql';

export const GroupFollowStateQuery = graphql(`
  query GroupFollowState($code: String!) {
    group(code: $code) {
      id
      followedByMe
    }
  }
`);

export const MeetingFollowStateQuery = graphql(`
  query MeetingFollowState($code: String!) {
    meeting(code: $code) {
      id
      followedByMe
    }
  }
`);

export const MyFollowsQuery = graphql(`
  query MyFollows {
    myFollows {
      id
      kind
      createdAt
      group {
        id
        code
        name
      }
      meeting {
        id
        code
        title
      }
    }
  }
`);

export const FollowMutation = graphql(`
  mutation Follow($input: FollowInput!) {
    follow(input: $input) {
      id
      kind
    }
  }
`);

export const UnfollowMutation = graphql(`
  mutation Unfollow($input: FollowInput!) {
    unfollow(input: $input)
  }
`);
