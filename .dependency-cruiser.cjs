/**
 * Which library may import which (issue 10). `npm run check:architecture` runs these rules through
 * scripts/check-architecture.mjs, which also checks entity ownership; any violation fails (no baseline).
 *
 * Layers, bottom up:
 *   core                         — imports no other library
 *   search, storage, jobs        — technical libraries: core only, never a domain
 *   meetings                     — the base domain: core only
 *   auth, documents,             — domain libraries (helpers they share live in core)
 *   projects, approvals, audit
 *   document-search              — joins documents to search, storage and jobs
 *   notifications                — notifications, mail and follows: core, jobs and meetings (the
 *                                  groups and meetings people follow); domains reach it through
 *                                  the Notifier port in core
 *   registry                     — composition: the list of every entity
 *   testing                      — test helpers: any library, never an app
 *   apps/*                       — the processes; no library imports an app
 */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between modules makes the import order decide what is defined.',
      from: { path: '^(libs|apps)/' },
      to: { circular: true, viaOnly: { path: '^(libs|apps)/' } },
    },
    {
      name: 'lib-imports-no-app',
      severity: 'error',
      comment: 'Libraries are used by the apps, never the other way round.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'core-imports-no-library',
      severity: 'error',
      comment: 'libs/core is the bottom layer.',
      from: { path: '^libs/core/' },
      to: { path: '^libs/(?!core/)' },
    },
    {
      name: 'technical-libs-import-no-domain',
      severity: 'error',
      comment: 'search, storage and jobs are generic: they know no domain library (and each other only through core).',
      from: { path: '^libs/(search|storage|jobs)/' },
      to: { path: '^libs/(?!core/|$1/)' },
    },
    {
      name: 'meetings-imports-only-core',
      severity: 'error',
      comment: 'meetings is the base domain (groups, meetings, parties): the other domains build on it, not it on them.',
      from: { path: '^libs/meetings/' },
      to: { path: '^libs/(?!core/|meetings/)' },
    },
    {
      name: 'auth-is-no-hidden-core',
      severity: 'error',
      comment: 'Shared helpers (field rules, actorHasRole, isUuid, dates) live in core; only projects, which links accounts to projects, and the apps import auth.',
      from: { path: '^libs/(meetings|documents|approvals|audit|document-search)/' },
      to: { path: '^libs/auth/' },
    },
    {
      name: 'no-domain-lib-imports-document-search-or-registry',
      severity: 'error',
      comment: 'document-search and registry sit above the domains; a domain library importing them is upside down.',
      from: { path: '^libs/(auth|meetings|documents|projects|approvals|audit)/' },
      to: { path: '^libs/(document-search|registry)/' },
    },
    {
      name: 'notifications-imports-only-core-jobs-and-meetings',
      comment:
        'libs/notifications turns events into notifications and mail; it learns of accounts and secrets through ports in core (AccountDirectory, LinkSecrets), and of the groups and meetings people follow through the base domain (MeetingsDirectory) — never another domain.',
      severity: 'error',
      from: { path: '^libs/notifications/' },
      to: { path: '^libs/(?!core/|jobs/|meetings/|notifications/)' },
    },
    {
      name: 'domains-publish-through-the-notifier-port',
      comment: 'Domain libraries tell of what happened through the Notifier port in core; they never import libs/notifications.',
      severity: 'error',
      from: { path: '^libs/(auth|meetings|documents|projects|approvals|audit|document-search)/' },
      to: { path: '^libs/notifications/' },
    },
    {
      name: 'testing-imports-no-app',
      severity: 'error',
      comment: 'libs/testing helps every app test itself; the app under test is passed in.',
      from: { path: '^libs/testing/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-lib-imports-testing-outside-tests',
      severity: 'error',
      comment: 'Test helpers stay out of production code.',
      from: { path: '^(libs|apps)/', pathNot: '(\\.spec|\\.e2e-spec)\\.ts$|^libs/testing/|/testing/' },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-deep-import-into-another-library',
      severity: 'error',
      comment: 'Another library is reached through its index (@tel/<name>), not a file path inside it.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|^apps/web/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    reporterOptions: {
      dot: { collapsePattern: '^(libs|apps)/[^/]+' },
      archi: { collapsePattern: '^(libs|apps)/[^/]+' },
      mermaid: { minify: false },
    },
  },
};
