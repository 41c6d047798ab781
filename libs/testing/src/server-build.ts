import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
/** Written after each build made here: the sources are compared with it. */
const STAMP = path.join(ROOT, 'dist', '.server-build-stamp');
/** What the server build (tsconfig.build.json) is made from; apps/web and specs do not count. */
const SOURCES = ['apps/api', 'apps/worker', 'apps/cli', 'libs', 'seed', 'schema', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/copy-assets.js'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return /\.spec\.ts$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why the compiled server in dist/ must be built again, or null when it is up to date. */
export function serverBuildStaleness(): string | null {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')) || !fs.existsSync(STAMP)) return 'dist/ has no server build made by the tests';
  const built = fs.statSync(STAMP).mtimeMs;
  for (const source of SOURCES) {
    if (newestMtime(path.join(ROOT, source)) > built) return `${source} changed after the last build`;
  }
  return null;
}

/**
 * Compiles the API, the worker and the libraries into dist/ (the server half of `npm run build`:
 * tsc and the assets, not the web app) when that build is missing or older than its sources.
 * Tests that start processes of their own run them from there: a compiled process starts in
 * seconds, where ts-node takes most of a minute.
 */
export function ensureServerBuild(): void {
  const why = serverBuildStaleness();
  if (!why) return;
  process.stdout.write(`building the server first (${why}): tsc -p tsconfig.build.json && node scripts/copy-assets.js\n`);
  const started = new Date();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync(process.execPath, ['scripts/copy-assets.js'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  fs.writeFileSync(STAMP, `${started.toISOString()}\n`);
  // The stamp dates from the build's start: a source saved while it ran makes the next run build again.
  fs.utimesSync(STAMP, started, started);
}

/** `node` arguments that run a compiled entry point of dist/, e.g. `apps/api/src/main.js`. */
export function serverEntryArgs(entry: string): string[] {
  return ['-r', path.join(ROOT, 'scripts', 'register-paths.js'), path.join(ROOT, 'dist', entry)];
}
