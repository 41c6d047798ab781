#!/usr/bin/env node
// Copies the non-TypeScript files the server reads at run time into dist/, next to the
// compiled code that loads them (tsc copies only what it compiles). Run by `npm run build`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
/** Folders copied as they are, relative to the repository root. */
const FOLDERS = ['apps/api/src/explorer/public'];
/** Single files, as globs relative to the repository root (`*` in the last path segment). */
const FILES = [
  // The text-extraction worker thread and its modules: plain ESM JavaScript, loaded by path.
  'libs/search/src/extraction/*.mjs',
];

function expand(glob) {
  const dir = path.dirname(glob);
  const pattern = new RegExp(
    `^${path
      .basename(glob)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );
  const from = path.join(root, dir);
  if (!fs.existsSync(from)) return [];
  return fs
    .readdirSync(from)
    .filter((name) => pattern.test(name))
    .map((name) => path.join(dir, name));
}

for (const folder of FOLDERS) {
  const from = path.join(root, folder);
  const to = path.join(root, 'dist', folder);
  if (!fs.existsSync(from)) {
    console.error(`copy-assets: ${folder} is missing`);
    process.exit(1);
  }
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  console.log(`copy-assets: ${folder} -> dist/${folder}`);
}

for (const glob of FILES) {
  const files = expand(glob);
  if (!files.length) {
    console.error(`copy-assets: nothing matches ${glob}`);
    process.exit(1);
  }
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, 'dist', file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(root, 'dist', file));
  }
  console.log(`copy-assets: ${glob} (${files.length} files) -> dist/`);
}
