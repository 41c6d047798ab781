import { graphql } from '../../gql';

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AccountLinkPasswordInput!) {
    acceptInvitation(input: $input)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: AccountLinkPasswordInput!) {
    resetPassword(input: $input)
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);
