import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, UnitOfWork } from '@tel/core';
import { loadSearchConfig } from './search.config';
import { createSearchIndex } from './search.module';

describe('loadSearchConfig', () => {
  const app = { dataDir: '/srv/tel', dialect: 'sqlite' as const };
  const onPostgres = { dataDir: '/srv/tel', dialect: 'postgres' as const };

  it('defaults to SQLite beside the data', () => {
    expect(loadSearchConfig(app, {})).toEqual({
      engine: 'sqlite',
      sqliteFile: path.resolve('/srv/tel/search.sqlite'),
      searchWorkers: Math.max(1, os.availableParallelism()),
      searchResultCache: 256,
      meilisearch: null,
      extraction: { timeoutMs: 60_000, memoryLimitMb: 512, concurrency: 1, ocrMaxPages: 20 },
    });
  });

  it('defaults to PostgreSQL when the application database is PostgreSQL (DATABASE_URL), and still takes another engine when asked', () => {
    expect(loadSearchConfig(onPostgres, {}).engine).toBe('postgres');
    expect(loadSearchConfig(onPostgres, { SEARCH_ENGINE: 'sqlite' }).engine).toBe('sqlite');
    expect(loadSearchConfig(onPostgres, { SEARCH_ENGINE: 'meilisearch', MEILI_URL: 'http://127.0.0.1:7700' }).engine).toBe('meilisearch');
    expect(loadSearchConfig(onPostgres, { SEARCH_ENGINE: 'POSTGRES' }).engine).toBe('postgres');
  });

  it('takes the number of search workers, 0 for searches in the API thread', () => {
    expect(loadSearchConfig(app, { SEARCH_WORKERS: '3' }).searchWorkers).toBe(3);
    expect(loadSearchConfig(app, { SEARCH_WORKERS: '0' }).searchWorkers).toBe(0);
    expect(loadSearchConfig(app, { SEARCH_RESULT_CACHE: '0' }).searchResultCache).toBe(0);
    expect(() => loadSearchConfig(app, { SEARCH_RESULT_CACHE: '-1' })).toThrow(/SEARCH_RESULT_CACHE must be a whole number/);
    expect(() => loadSearchConfig(app, { SEARCH_WORKERS: 'many' })).toThrow(/SEARCH_WORKERS must be a whole number from 0 to 64/);
  });

  it('reads Meilisearch settings', () => {
    expect(loadSearchConfig(app, { SEARCH_ENGINE: 'meilisearch', MEILI_URL: 'http://127.0.0.1:7700', MEILI_API_KEY: 'k', MEILI_INDEX: 'docs' }).meilisearch).toEqual({
      url: 'http://127.0.0.1:7700',
      apiKey: 'k',
      indexUid: 'docs',
    });
  });

  it.each([
    [{ SEARCH_ENGINE: 'elastic' }, /SEARCH_ENGINE must be sqlite, postgres or meilisearch/],
    [{ SEARCH_ENGINE: 'postgres' }, /SEARCH_ENGINE=postgres needs DATABASE_URL/],
    [{ SEARCH_ENGINE: 'meilisearch' }, /needs MEILI_URL/],
    [{ SEARCH_ENGINE: 'meilisearch', MEILI_URL: 'ftp://x' }, /MEILI_URL must be/],
    [{ MEILI_INDEX: 'a b' }, /MEILI_INDEX/],
    [{ EXTRACTION_TIMEOUT_MS: '5s' }, /EXTRACTION_TIMEOUT_MS/],
    [{ EXTRACTION_MEMORY_MB: '16' }, /EXTRACTION_MEMORY_MB/],
    [{ OCR_MAX_PAGES: '-1' }, /OCR_MAX_PAGES/],
  ])('stops the start on %j', (env, message) => {
    expect(() => loadSearchConfig(app, env)).toThrow(ConfigError);
    expect(() => loadSearchConfig(app, env)).toThrow(message);
  });
});

describe('createSearchIndex', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-search-factory-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts the SQLite index in the application database when that is SQLite, and in its own file beside PostgreSQL', async () => {
    const dataSource = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'main.sqlite'), entities: [] });
    await dataSource.initialize();
    const uow = new UnitOfWork(dataSource);
    const config = loadSearchConfig({ dataDir: dir, dialect: 'sqlite' }, {});
    const inMain = await createSearchIndex(config, { dialect: 'sqlite' }, dataSource, uow);
    expect(inMain).toMatchObject({ engine: 'sqlite', joinsTransactions: true });
    expect(await dataSource.query("SELECT name FROM sqlite_master WHERE name = 'search_fts'")).toEqual([{ name: 'search_fts' }]);
    await inMain.close();

    const beside = await createSearchIndex(config, { dialect: 'postgres' }, dataSource, uow);
    expect(beside).toMatchObject({ engine: 'sqlite', joinsTransactions: false });
    expect(fs.existsSync(path.join(dir, 'search.sqlite'))).toBe(true);
    await beside.close();
    await dataSource.destroy();
  });
});
