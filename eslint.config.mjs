// ESLint 9 flat config: typescript-eslint's type-aware recommended rules for the server, scripts,
// seed, tests and benches (tsconfig.json) and for the web app (apps/web/tsconfig.json, with React's
// hook rules). Style is Prettier's job: eslint-config-prettier, last, turns off every rule it owns.
//
// There is no suppressions baseline any more: `npm run lint` fails on any violation (docs/CONVENTIONS.md).
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import prettier from 'eslint-config-prettier/flat';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
// Web specs run under jest and are kept out of apps/web/tsconfig.json (its types are the browser's).
const WEB_SPECS = ['apps/web/src/**/*.spec.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'coverage/',
      'data/',
      'bench/results/',
      // Generated: graphql-codegen writes apps/web/src/gql, `npm run schema` writes schema.graphql.
      'apps/web/src/gql/',
      'schema/schema.graphql',
    ],
  },
  {
    linterOptions: {
      // A disable comment that no longer silences anything is an error, not noise to keep.
      reportUnusedDisableDirectives: 'error',
    },
  },
  js.configs.recommended,
  comments.recommended,
  {
    rules: {
      // Every eslint-disable says why, after `--`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/disable-enable-pair': ['error', { allowWholeFile: true }],
    },
  },
  {
    files: TS,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked with the nearest tsconfig.json: the root one, or apps/web's.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's position, a rest sibling).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off on purpose: the methods it flags implement Promise-returning ports (the in-process job
      // queue, the SQLite search index, Apollo's plugin hooks) synchronously, and `async` is what
      // turns their throws into rejections the callers handle. Rewriting them as plain functions
      // returning Promise.resolve() would make a throw escape synchronously instead.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: WEB_SPECS,
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './apps/web/tsconfig.spec.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      // Warnings would slip past the suppressions file and `npm run lint`: every rule is an error.
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/incompatible-library': 'error',
      'react-hooks/unsupported-syntax': 'error',
    },
  },
  // Plain JavaScript is in no tsconfig: the recommended JS rules only, with its runtime's globals.
  {
    files: JS,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['apps/api/src/explorer/public/**'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The explorer's scripts are classic browser scripts with the UMD globals of React and GraphiQL.
    files: ['apps/api/src/explorer/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, React: 'readonly', ReactDOM: 'readonly', GraphiQL: 'readonly', TEL_EXPLORER_EXAMPLES: 'writable' },
    },
  },
  prettier,
);
