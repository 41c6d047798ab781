import * as fs from 'node:fs';
import * as path from 'node:path';

/** One built file of the web app, served from /assets/<urlName>. */
export interface WebAsset {
  urlName: string;
  filePath: string;
  contentType: string;
  size: number;
}

/** What `npm run build:web` left in dist/web, read once at start-up. */
export interface WebBuild {
  /** index.html, or null when the web app has not been built. */
  indexHtml: string | null;
  /** Only these files are ever served: requests name an entry, never a path. */
  assets: ReadonlyMap<string, WebAsset>;
  dir: string;
}

export const WEB_BUILD = Symbol('WEB_BUILD');
export const WEB_ASSET_PREFIX = '/assets/';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The repository root: the nearest folder above this file with package.json (works from src and dist). */
function repositoryRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'apps'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function defaultWebDir(): string {
  return path.join(repositoryRoot(), 'dist', 'web');
}

/** Reads the built web app; a missing build is not an error here (the API runs without it). */
export function loadWebBuild(dir = defaultWebDir()): WebBuild {
  const indexPath = path.join(dir, 'index.html');
  const indexHtml = fs.existsSync(indexPath) ? fs.readFileSync(indexPath, 'utf8') : null;
  const assets = new Map<string, WebAsset>();
  const assetDir = path.join(dir, 'assets');
  if (fs.existsSync(assetDir)) {
    for (const entry of fs.readdirSync(assetDir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const contentType = CONTENT_TYPES[path.extname(entry.name)];
      if (!contentType) continue;
      const filePath = path.join(assetDir, entry.name);
      assets.set(entry.name, { urlName: entry.name, filePath, contentType, size: fs.statSync(filePath).size });
    }
  }
  return { indexHtml, assets, dir };
}
