import type { CodegenConfig } from '@graphql-codegen/cli';

// Types every operation in apps/web/src from the committed schema: the build needs no server.
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
