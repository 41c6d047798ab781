import * as os from 'node:os';
import * as path from 'node:path';
import { AppConfig, ConfigError } from '@tel/core';

export type SearchEngine = 'sqlite' | 'postgres' | 'meilisearch';

/** Search settings, read from the environment once at start-up (bad values stop the start). */
export interface SearchConfig {
  engine: SearchEngine;
  /** SQLite beside PostgreSQL: the index file (default DATA_DIR/search.sqlite). */
  sqliteFile: string;
  /** SQLite: worker threads that run searches (SEARCH_WORKERS; default the number of cores; 0 = in the API's thread). */
  searchWorkers: number;
  /** SQLite: pages of results each reader keeps until the index changes (SEARCH_RESULT_CACHE; default 256; 0 = none). */
  searchResultCache: number;
  meilisearch: { url: string; apiKey?: string; indexUid: string } | null;
  extraction: { timeoutMs: number; memoryLimitMb: number; concurrency: number; ocrMaxPages: number };
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/**
 * The engine defaults to the application database's own: `postgres` with DATABASE_URL (the index
 * in PostgreSQL, nothing on local disk), else `sqlite`.
 */
export function loadSearchConfig(app: Pick<AppConfig, 'dataDir' | 'dialect'>, env: NodeJS.ProcessEnv = process.env): SearchConfig {
  const engine = (env.SEARCH_ENGINE?.trim().toLowerCase() || (app.dialect === 'postgres' ? 'postgres' : 'sqlite')) as SearchEngine;
  if (engine !== 'sqlite' && engine !== 'postgres' && engine !== 'meilisearch') {
    throw new ConfigError(`SEARCH_ENGINE must be sqlite, postgres or meilisearch, got "${env.SEARCH_ENGINE}"`);
  }
  if (engine === 'postgres' && app.dialect !== 'postgres') throw new ConfigError('SEARCH_ENGINE=postgres needs DATABASE_URL (the index lives in the application database)');
  const url = env.MEILI_URL?.trim() || undefined;
  if (engine === 'meilisearch' && !url) throw new ConfigError('SEARCH_ENGINE=meilisearch needs MEILI_URL (e.g. http://127.0.0.1:7700)');
  if (url && !/^https?:\/\//i.test(url)) throw new ConfigError('MEILI_URL must be an http:// or https:// URL');
  const indexUid = env.MEILI_INDEX?.trim() || 'tel_documents';
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(indexUid)) throw new ConfigError('MEILI_INDEX may hold only letters, digits, - and _');
  return {
    engine,
    sqliteFile: path.resolve(env.SEARCH_SQLITE_FILE?.trim() || path.join(app.dataDir, 'search.sqlite')),
    searchWorkers: intFrom(env, 'SEARCH_WORKERS', Math.max(1, os.availableParallelism()), 0, 64),
    searchResultCache: intFrom(env, 'SEARCH_RESULT_CACHE', 256, 0, 100_000),
    meilisearch: engine === 'meilisearch' && url ? { url, apiKey: env.MEILI_API_KEY || undefined, indexUid } : null,
    extraction: {
      timeoutMs: intFrom(env, 'EXTRACTION_TIMEOUT_MS', 60_000, 100, 3_600_000),
      memoryLimitMb: intFrom(env, 'EXTRACTION_MEMORY_MB', 512, 64, 8192),
      concurrency: intFrom(env, 'EXTRACTION_CONCURRENCY', 1, 1, 16),
      ocrMaxPages: intFrom(env, 'OCR_MAX_PAGES', 20, 0, 1000),
    },
  };
}
