// meilisearch ≥ 0.57 publishes its types only through package.json "exports", which this
// project's module resolution (CommonJS, node10) does not read; point the bare name at them.
// At run time `require('meilisearch')` loads the ESM build (Node ≥ 20.19 requires ESM; jest
// transforms it, see jest.config.js).
declare module 'meilisearch' {
  export * from 'meilisearch/dist/index';
}
