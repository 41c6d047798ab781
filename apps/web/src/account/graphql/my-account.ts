import { graphql } from '../../gql';

export const MyAccountQuery = graphql(`
  query MyAccount {
    me {
      id
      email
      displayName
      roles
      economyCode
    }
    myNotificationSettings {
      kind
      enabled
    }
    myCalendarFeed {
      createdAt
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ok
    }
  }
`);

export const SetNotificationSettingMutation = graphql(`
  mutation SetNotificationSetting($input: SetNotificationSettingInput!) {
    setNotificationSetting(input: $input) {
      kind
      enabled
    }
  }
`);

export const RegenerateCalendarFeedMutation = graphql(`
  mutation RegenerateCalendarFeed {
    regenerateCalendarFeed {
      url
      createdAt
    }
  }
`);
