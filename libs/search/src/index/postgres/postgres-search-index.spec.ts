import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { buildDataSourceOptions, ensurePostgresSchema, loadConfig, QueryCountingLogger, UnitOfWork } from '@tel/core';
import { parseSearchQuery } from '../../text/search-text';
import { searchIndexContract } from '../search-index.contract';
import type { DocumentMeta } from '../search-index';
import { SEARCH_SCHEMA_VERSION } from '../sqlite/sqlite-schema';
import { PostgresSearchIndex } from './postgres-search-index';
import { fileSegments, postgresQuery, SEGMENT_POSITIONS } from './postgres-tokens';

describe('PostgreSQL tokens (no server needed)', () => {
  it('writes the tokens the SQLite engine indexes: stems, simplified CJK bigrams, symbol and title weighted', () => {
    const [first] = fileSegments('2008-TELWG37-SPSG-006', 'Botnets 網路', [{ page: 1, section: null, text: 'Incident responses', language: 'en' }]);
    expect(first).toContain("'2008':1A");
    expect(first).toContain("'telwg37':2A");
    expect(first).toContain("'botnet':");
    expect(first).toContain("'botnets':"); // the inflected form, once, for the exact-form ranking
    expect(first).toContain("'网路':");
    expect(first).toMatch(/'incid':\d+ /);
  });

  it('turns a parsed query into tsqueries of the same tokens: phrases, prefixes, alternatives, exclusions', () => {
    expect(postgresQuery(parseSearchQuery('"incident response" botnet* -guide'))).toEqual({
      clauses: ["('incid' <-> 'respons')", "'botnet':*"],
      any: "('incid' <-> 'respons') | 'botnet':*",
      head: "('incid':AB <-> 'respons':AB) & 'botnet':*AB",
      excluded: "('guid' | 'guide')",
    });
    expect(postgresQuery(parseSearchQuery('網'))?.clauses).toEqual(["'网':*"]);
    expect(postgresQuery(parseSearchQuery('殭屍網路'))?.clauses[0]).toContain("('僵尸' <-> '尸网' <-> '网路')");
    expect(postgresQuery(parseSearchQuery("it's")))?.not.toBeNull();
  });

  it('cuts a long file into segments that overlap, so no phrase is lost at a cut', () => {
    const words = Array.from({ length: SEGMENT_POSITIONS * 2 }, (_, i) => `w${i}`);
    const segments = fileSegments('S', 'T', [{ page: 1, section: null, text: words.join(' '), language: 'en' }]);
    expect(segments.length).toBe(3);
    for (let k = 1; k < segments.length; k++) expect(segments[k].startsWith(`'w`)).toBe(true);
  });
});

const DATABASE_URL = process.env.DATABASE_URL;

async function privateDatabase(): Promise<{ dataSource: DataSource; dispose(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-pgsearch-'));
  const schema = `s_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL, DATABASE_SCHEMA: schema });
  await ensurePostgresSchema(config);
  const dataSource = new DataSource(buildDataSourceOptions(config, [], new QueryCountingLogger(false)));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    async dispose() {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dataSource.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (DATABASE_URL) {
  searchIndexContract('postgres', async () => {
    const db = await privateDatabase();
    const index = await PostgresSearchIndex.open(db.dataSource);
    return {
      index,
      async dispose() {
        await index.close();
        await db.dispose();
      },
    };
  });

  describe('PostgresSearchIndex in the application database', () => {
    let db: Awaited<ReturnType<typeof privateDatabase>>;
    let index: PostgresSearchIndex;
    let uow: UnitOfWork;
    const meta = (id: string): DocumentMeta => ({
      documentId: id,
      revisionId: `${id}-rev`,
      fileId: `${id}-file`,
      symbol: `2008-TELWG37-SPSG-${id}`,
      title: `Paper ${id}`,
      meetingCode: 'TEL37',
      groupCode: 'SPSG',
      economyCodes: ['JPN'],
      type: 'REPORT',
      year: 2008,
      language: 'en',
      access: 'PUBLIC',
      publishedAt: '2008-03-20T00:00:00.000Z',
    });

    beforeAll(async () => {
      db = await privateDatabase();
      index = await PostgresSearchIndex.open(db.dataSource);
      uow = new UnitOfWork(db.dataSource);
    });
    afterAll(async () => {
      await db?.dispose();
    });

    it('writes in the caller’s transaction: the index changes with it, or not at all', async () => {
      const chunks = [{ page: 1, section: null, text: 'The quagmireword plan.', language: 'en' as const }];
      await expect(
        uow.write(async (em) => {
          await index.upsertDocumentChunks(meta('rolled'), chunks, { em });
          throw new Error('the unit of work fails after the index write');
        }),
      ).rejects.toThrow('the unit of work fails');
      expect((await index.search({ query: 'quagmireword', includeRestricted: true })).totalCount).toBe(0);
      await uow.write((em) => index.upsertDocumentChunks(meta('kept'), chunks, { em }));
      expect((await index.search({ query: 'quagmireword', includeRestricted: true })).hits.map((h) => h.documentId)).toEqual(['kept']);
    });

    it('refuses an entity manager outside a transaction rather than writing on its own', async () => {
      await expect(index.removeFile('kept-file', { em: db.dataSource.manager })).rejects.toThrow(/inside uow.write/);
    });

    it('finds phrases and words anywhere in a long file, counted once, on the right page', async () => {
      const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i % 97}`).join(' ');
      const pages = [filler(3000), `${filler(1080)} walrusword narwhalword ${filler(2000)}`, `${filler(9000)} the lastpageword.`];
      await index.upsertDocumentChunks(
        meta('long'),
        pages.map((text, i) => ({ page: i + 1, section: null, text, language: 'en' })),
      );
      const phrase = await index.search({ query: '"walrusword narwhalword"', includeRestricted: false });
      expect(phrase.hits.map((h) => [h.documentId, h.page])).toEqual([['long', 2]]);
      const both = await index.search({ query: 'walrusword lastpageword', includeRestricted: false });
      expect(both.totalCount).toBe(1);
      expect((await index.search({ query: 'walrusword -lastpageword', includeRestricted: false })).totalCount).toBe(0);
      expect((await index.search({ query: '"narwhalword walrusword"', includeRestricted: false })).totalCount).toBe(0);
    });

    it('finds a word through the GIN index, never by reading and decompressing every segment', async () => {
      await index.upsertMany(
        Array.from({ length: 40 }, (_, i) => ({
          meta: meta(`gin${i}`),
          chunks: [{ page: 1, section: null, text: `Spectrum paper ${i}. ${'policy '.repeat(200)}`, language: 'en' as const }],
        })),
      );
      // The plan of the search statement, in its own transaction (with its settings).
      const plans: string[] = [];
      type Query = (this: EntityManager, sql: string, parameters?: unknown[] | ObjectLiteral) => Promise<unknown>;
      const query = (Object.getOwnPropertyDescriptor(EntityManager.prototype, 'query') as { value: Query }).value;
      const spy = jest.spyOn(EntityManager.prototype, 'query').mockImplementation(async function (this: EntityManager, sql: string, parameters?: unknown[] | ObjectLiteral) {
        if (sql.startsWith('WITH')) plans.push(((await query.call(this, `EXPLAIN ${sql}`, parameters)) as Record<string, string>[]).map((r) => r['QUERY PLAN']).join('\n'));
        return query.call(this, sql, parameters);
      });
      try {
        for (const q of ['qzxjvwnothing', 'spectrum', '"spectrum paper"']) await index.search({ query: q, includeRestricted: false });
      } finally {
        spy.mockRestore();
      }
      expect(plans).toHaveLength(3);
      for (const plan of plans) {
        expect(plan).toContain('Bitmap Index Scan on search_segment_tsv');
        expect(plan).not.toMatch(/Seq Scan on search_segment|Index Scan using search_segment_pkey/);
      }
    });

    it('gathers the planner’s statistics once a bulk load has written enough rows, whether or not autovacuum runs', async () => {
      const own = await privateDatabase();
      const warnings: unknown[] = [];
      const fresh = await PostgresSearchIndex.open(own.dataSource, { onStatisticsError: (e) => warnings.push(e) });
      const segmentRows = async () =>
        Number((await own.dataSource.query<{ n: string }[]>(`SELECT reltuples::bigint::text AS n FROM pg_class WHERE oid = to_regclass('search_segment')`))[0].n);
      const files = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) => ({
          meta: meta(`bulk${from + i}`),
          chunks: [{ page: 1, section: null, text: `Bulk paper ${from + i}.`, language: 'en' as const }],
        }));
      try {
        // Autovacuum (on, on most machines) must not gather them first and make this pass for it.
        for (const table of ['search_file', 'search_segment', 'search_chunk']) await own.dataSource.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
        for (let from = 0; from < 900; from += 300) await fresh.upsertMany(files(from, 300));
        await fresh.statisticsSettled();
        expect(await segmentRows()).toBeLessThan(0); // never analyzed: 900 rows are below the 1,000 that start it
        await fresh.upsertMany(files(900, 300));
        await fresh.statisticsSettled();
        expect(await segmentRows()).toBe(1200);
        expect(warnings).toEqual([]);
      } finally {
        await fresh.close();
        await own.dispose();
      }
    });

    it('empties an index built by another tokenization version when opened, and says so', async () => {
      await db.dataSource.query(`UPDATE search_meta SET value = '1' WHERE key = 'schema_version'`);
      const reopened = await PostgresSearchIndex.open(db.dataSource);
      expect(reopened.rebuilt).toBe(true);
      expect((await reopened.stats()).files).toBe(0);
      expect(await db.dataSource.query(`SELECT value FROM search_meta`)).toEqual([{ value: String(SEARCH_SCHEMA_VERSION) }]);
      expect((await PostgresSearchIndex.open(db.dataSource)).rebuilt).toBe(false);
    });
  });
} else {
  process.stdout.write('postgres search contract suite left out: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it\n');
}
