/*
 * Ready example operations for the explorer, one tab each. GraphiQL names a tab after its
 * operation, so every example is a named operation. Extend the list as features land:
 *   { query: '…', variables: { … } }   (variables optional; shown as JSON in the Variables pane)
 * Loaded before explorer.js, which turns these into GraphiQL's `defaultTabs`.
 */
(function () {
  'use strict';

  window.TEL_EXPLORER_EXAMPLES = Object.freeze([
    {
      // A delegate looking for papers and who presents them.
      query: `# Delegate — search
#
# Full-text search (searchDocuments) arrives with the search feature. Until then this
# browses a meeting: every group's agenda, its items and who presents them.
# Paste your token in the Headers pane below to see what your account may see.

query DelegateSearch {
  meeting(code: "TEL37") {
    code
    title
    city
    startDate
    endDate
    agendas {
      group { code }
      items {
        number
        title
        presenters { name }
        children { number title presenters { name } }
      }
    }
  }
}
`,
    },
    {
      // A project overseer preparing a progress report.
      query: `# Overseer — progress report
#
# Progress reports arrive with the projects feature. Until then: the projects reported to
# SPSG under agenda item 3 at TEL37, with what was said about each.

query OverseerProgressReport {
  agendaItem(meetingCode: "TEL37", groupCode: "SPSG", number: "3") {
    number
    title
    children {
      number
      title
      presenters { name }
      outcome
    }
  }
}
`,
    },
    {
      // The secretariat's view of what waits for approval.
      query: `# Secretariat — approvals board
#
# The approvals board (approvalBoard) arrives with the approvals feature. Until then: the
# steering groups with their convenors, and the meetings on record.

query SecretariatApprovalsBoard {
  steeringGroups {
    code
    name
    convenor { name }
  }
  meetings(first: 20) {
    totalCount
    nodes { code title city startDate endDate status }
  }
}
`,
    },
    {
      query: `# Sign in
#
# Fill in the variables (Variables pane below), run it, and copy the token into the
# Headers pane of any tab:  { "Authorization": "Bearer <the token>" }
# Headers are not stored in this browser; the variables of a tab are, so clear the
# password once you have the token.

mutation SignIn($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) {
    token
    expiresAt
  }
}
`,
      variables: { email: 'you@example.org', password: '' },
    },
  ]);
})();
