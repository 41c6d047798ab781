import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One file the explorer serves, found on disk at start-up. */
export interface ExplorerAsset {
  /** The name in the URL: /explorer/assets/<urlName>. */
  urlName: string;
  filePath: string;
  contentType: string;
  size: number;
  /** Content-hashed names never change content, so browsers may keep them for a year. */
  immutable: boolean;
}

/** The URL names of the files the page loads, in the order it loads them. */
export interface ExplorerAssets {
  byUrlName: ReadonlyMap<string, ExplorerAsset>;
  styles: string[];
  scripts: string[];
}

export const EXPLORER_ASSETS = Symbol('EXPLORER_ASSETS');
export const EXPLORER_ASSET_PREFIX = '/explorer/assets/';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

interface AssetSource {
  /** Stem and extension of the URL name; a content hash goes between them. */
  stem: string;
  ext: 'js' | 'css';
  locate: Locator;
}

/** Finds a file; `fix` says what to do when it is missing. */
interface Locator {
  (): string;
  fix: string;
}

/**
 * A file inside an installed npm package. Resolved through the package's package.json because
 * react, react-dom and graphiql do not export their UMD builds in "exports".
 */
function fromPackage(pkg: string, file: string): Locator {
  const locate = () => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
  return Object.assign(locate, { fix: `install the ${pkg} package (npm ci)` });
}

/** The explorer's own files; `npm run build` copies them into dist/ (scripts/copy-assets.js). */
function fromPublic(file: string): Locator {
  const locate = () => path.join(__dirname, 'public', file);
  return Object.assign(locate, { fix: 'run npm run build, which copies apps/api/src/explorer/public into dist/' });
}

const STYLES: AssetSource[] = [
  { stem: 'graphiql', ext: 'css', locate: fromPackage('graphiql', 'graphiql.min.css') },
  { stem: 'explorer', ext: 'css', locate: fromPublic('explorer.css') },
];

/** Order matters: GraphiQL's UMD build reads the React and ReactDOM globals. */
const SCRIPTS: AssetSource[] = [
  { stem: 'react', ext: 'js', locate: fromPackage('react', 'umd/react.production.min.js') },
  { stem: 'react-dom', ext: 'js', locate: fromPackage('react-dom', 'umd/react-dom.production.min.js') },
  { stem: 'graphiql', ext: 'js', locate: fromPackage('graphiql', 'graphiql.min.js') },
  { stem: 'examples', ext: 'js', locate: fromPublic('examples.js') },
  { stem: 'explorer', ext: 'js', locate: fromPublic('explorer.js') },
];

/**
 * GraphiQL's bundle ends with `//# sourceMappingURL=index.umd.js.map`, which developer tools fetch
 * relative to the script. Served under that fixed name (not hashed, short cache); optional.
 */
const SOURCE_MAP = { urlName: 'index.umd.js.map', locate: fromPackage('graphiql', 'graphiql.min.js.map') };

function fileInfo(locate: Locator, what: string): { filePath: string; size: number } {
  const disable = 'or switch the explorer off (NODE_ENV=production without EXPLORER_ENABLED)';
  let filePath: string;
  try {
    filePath = locate();
  } catch (error) {
    throw new Error(`GraphQL explorer: cannot find ${what} (${(error as Error).message}); ${locate.fix}, ${disable}`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new Error(`GraphQL explorer: ${what} is missing (looked for ${filePath}); ${locate.fix}, ${disable}`);
  }
  if (!stat.isFile()) throw new Error(`GraphQL explorer: ${filePath} is not a file`);
  return { filePath, size: stat.size };
}

function hashed(source: AssetSource): ExplorerAsset {
  const { filePath, size } = fileInfo(source.locate, `${source.stem}.${source.ext}`);
  const hash = createHash('sha256').update(fs.readFileSync(filePath)).digest('hex').slice(0, 12);
  return {
    urlName: `${source.stem}.${hash}.${source.ext}`,
    filePath,
    contentType: source.ext === 'js' ? JS : CSS,
    size,
    immutable: true,
  };
}

/**
 * Finds every file the explorer serves, and throws at start-up when one is missing. Only these
 * files are ever served: requests name an entry of this allowlist, never a path.
 */
export function loadExplorerAssets(): ExplorerAssets {
  const styles = STYLES.map(hashed);
  const scripts = SCRIPTS.map(hashed);
  const all = [...styles, ...scripts];
  try {
    const map = fileInfo(SOURCE_MAP.locate, 'the GraphiQL source map');
    all.push({ urlName: SOURCE_MAP.urlName, ...map, contentType: 'application/json; charset=utf-8', immutable: false });
  } catch {
    // Only developer tools ask for it; the explorer works without it.
  }
  return {
    byUrlName: new Map(all.map((a) => [a.urlName, a])),
    styles: styles.map((a) => EXPLORER_ASSET_PREFIX + a.urlName),
    scripts: scripts.map((a) => EXPLORER_ASSET_PREFIX + a.urlName),
  };
}
