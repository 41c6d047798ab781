/*
 * Ready example operations for the explorer, one tab each. GraphiQL names a tab after its
 * operation, so every example is a named operation. Extend the list as features land:
 *   { query: '…', variables: { … } }   (variables optional; shown as JSON in the Variables pane)
 * Loaded before explorer.js, which turns these into GraphiQL's `defaultTabs`.
 */
(function () {
  'use strict';

  // No sign-in example: signing in is the bar above the explorer (the tel_session cookie), so no
  // password ever sits in a tab, whose contents GraphiQL keeps in the browser's storage.
  window.TEL_EXPLORER_EXAMPLES = Object.freeze([
    {
      // A delegate looking for papers.
      query: `# Delegate — search
#
# Full-text search over the papers: English words, Chinese words of any length (網路,
# 殭屍網路), or a symbol or part of one (SPSG-006, TEL37 SPSG 6). Restricted papers appear
# only when you are signed in (the bar above: sign in once, and every tab is signed in).

query DelegateSearch($q: String!) {
  searchDocuments(query: $q, first: 10) {
    totalCount
    nodes {
      document { symbol title access meeting { code city } }
      revision
      page
      snippet
    }
    facets { meetings { value count } groups { value count } economies { value count } }
  }
}
`,
      variables: { q: '殭屍網路 botnet' },
    },
    {
      // A project overseer preparing a progress report.
      query: `# Overseer — progress report
#
# The SPSG projects and their progress reports. Signed in as an overseer of a project,
# draftProgressReport, updateProgressReport and submitProgressReport file the next one;
# projects(filter: { overseenByMe: true }) lists yours.

query OverseerProgressReport {
  projects(filter: { steeringGroupCode: "SPSG" }) {
    totalCount
    nodes {
      title
      status
      proposingEconomies { code }
      startDate { value precision }
      endDate { value precision }
      progressReports {
        status
        onSchedule
        withinBudget
        progressSinceLastReport
        changesSincePrevious { field before after }
      }
    }
  }
}
`,
    },
    {
      // The secretariat's view of what waits for approval.
      query: `# Secretariat — approvals board
#
# What waits on which body, for how long, and where it will next be decided.
# decideApprovalStep records a decision (signed in as the secretariat).

query SecretariatApprovalsBoard {
  approvalBoard {
    body { code name }
    nextMeeting { code city }
    entries {
      request { kind subject project { title } }
      step { mode version }
      waitingSince
      daysWaiting
    }
  }
}
`,
    },
  ]);
})();
