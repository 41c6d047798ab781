import { graphql } from '../../../gql';

/** One page of accounts (the page loads every page: the list is filtered in the browser). */
export const DeskUsersQuery = graphql(`
  query DeskUsers($after: String) {
    users(first: 100, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        email
        displayName
        roles
        economyCode
        personId
        activated
        disabled
        lastSignInAt
      }
    }
  }
`);

/** One page of the directory, for the person an account is. */
export const DeskPersonsQuery = graphql(`
  query DeskPersons($after: String) {
    persons(first: 100, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        economy {
          code
        }
      }
    }
  }
`);

export const DeskEconomiesQuery = graphql(`
  query DeskEconomies {
    economies {
      id
      code
      name
    }
  }
`);

/** One page of projects with the accounts that act as their overseers (the secretariat sees these). */
export const DeskProjectsOverseersQuery = graphql(`
  query DeskProjectsOverseers($after: String) {
    projects(first: 100, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        number
        status
        overseerAccounts {
          id
          email
        }
      }
    }
  }
`);

/** A project's overseer accounts as they are now, read just before changing them. */
export const ProjectOverseersQuery = graphql(`
  query ProjectOverseers($id: ID!) {
    project(id: $id) {
      id
      overseerAccounts {
        id
        email
      }
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      displayName
      roles
      economyCode
      personId
      activated
      disabled
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      email
      displayName
      roles
      economyCode
      personId
      activated
      disabled
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($input: DisableUserInput!) {
    disableUser(input: $input) {
      id
      email
      disabled
    }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($input: EnableUserInput!) {
    enableUser(input: $input) {
      id
      email
      disabled
    }
  }
`);

export const SetProjectOverseersMutation = graphql(`
  mutation SetProjectOverseers($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      id
      overseerAccounts {
        id
        email
      }
    }
  }
`);
