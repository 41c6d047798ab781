import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
export const WEB_DIST = path.join(ROOT, 'dist', 'web');
/** What the web build is made from: a change to any of these makes dist/web stale. */
const SOURCES = ['apps/web', 'schema/schema.graphql', 'package-lock.json'];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why dist/web must be built again, or null when it is up to date. */
export function webBuildStaleness(): string | null {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return 'dist/web/index.html is missing';
  const built = fs.statSync(index).mtimeMs;
  for (const source of SOURCES) {
    if (newestMtime(path.join(ROOT, source)) > built) return `${source} changed after the last build`;
  }
  return null;
}

/** Builds the web app (npm run build:web) when its build is missing or older than its sources. */
export function ensureWebBuild(): void {
  const why = webBuildStaleness();
  if (!why) return;
  console.log(`building the web app first (${why}): npm run build:web`);
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
}
