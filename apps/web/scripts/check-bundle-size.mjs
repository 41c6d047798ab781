#!/usr/bin/env node
// Fails the web build when the JavaScript a browser must load before the search page can run
// (the entry chunk and everything it imports statically) is over the budget, gzipped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`check-bundle-size: expected one entry chunk in dist/web/manifest.json, found ${entries.length}`);
  process.exit(1);
}

// The entry and its static imports, transitively: what <script type="module"> and modulepreload load.
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entries[0][0]);

let total = 0;
for (const file of initial) {
  const gzipped = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  total += gzipped;
  console.log(`  ${file}  ${(gzipped / 1024).toFixed(1)} KB gzipped`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`Initial JavaScript of the search page: ${(total / 1024).toFixed(1)} KB gzipped (${verdict} the ${BUDGET_BYTES / 1024} KB budget)`);
if (total > BUDGET_BYTES) process.exit(1);
