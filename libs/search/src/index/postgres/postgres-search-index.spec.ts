import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { buildDataSourceOptions, ensurePostgresSchema, loadConfig, QueryCountingLogger, UnitOfWork } from '@tel/core';
import { parseSearchQuery } from '../../text/search-text';
import { searchIndexContract } from '../search-index.contract';
import type { DocumentMeta } from '../search-index';
import { SEARCH_SCHEMA_VERSION } from '../sqlite/sqlite-schema';
import { POSTGRES_STORED_VERSION, PostgresSearchIndex } from './postgres-search-index';
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
      loose: "('incid' & 'respons') | 'botnet':*",
      looseClauses: ["('incid' & 'respons')", "'botnet':*"],
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
      const fresh = await PostgresSearchIndex.open(own.dataSource, { onBackgroundError: (e) => warnings.push(e) });
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
      expect(await db.dataSource.query(`SELECT value FROM search_meta`)).toEqual([{ value: POSTGRES_STORED_VERSION }]);
      expect(POSTGRES_STORED_VERSION.startsWith(`${SEARCH_SCHEMA_VERSION}.`)).toBe(true);
      expect((await PostgresSearchIndex.open(db.dataSource)).rebuilt).toBe(false);
    });
  });

  describe('PostgresSearchIndex: kept rankings of queries that match many files', () => {
    /** A one-page paper; n picks its ids, symbol and date unless `over` says otherwise. */
    const paper = (n: number, text: string, over: Partial<DocumentMeta> = {}) => ({
      meta: {
        documentId: `d${n}`,
        revisionId: `r${n}`,
        fileId: `f${n}`,
        symbol: `2008-TELWG37-PLEN-${String(n).padStart(3, '0')}`,
        title: `Paper ${n}`,
        meetingCode: n % 2 ? 'TEL37' : 'TEL38',
        groupCode: 'PLEN',
        economyCodes: [n % 3 ? 'AUS' : 'JPN'],
        type: 'REPORT',
        year: 2008,
        language: 'en' as const,
        access: 'PUBLIC' as const,
        publishedAt: `2008-01-${String(1 + (n % 28)).padStart(2, '0')}`,
        ...over,
      } satisfies DocumentMeta,
      chunks: [{ page: 1, section: null, text, language: 'en' as const }],
    });
    /** 41 documents on budgets (d1 … d10 with a second, newer revision that also matches), d0 with it in its title. */
    const corpus = () => {
      const files = [paper(0, 'Figures.', { title: 'Budget of the secretariat' })];
      for (let n = 1; n <= 40; n++) files.push(paper(n, `The budget ${'budget '.repeat(n % 5)}of project ${n}, ${'and other matters '.repeat(n % 7)}.`));
      for (let n = 41; n <= 50; n++) files.push(paper(n, `A later budget ${'budget '.repeat(n % 3)}text.`, { documentId: `d${n - 40}`, publishedAt: '2008-02-01' }));
      return files;
    };

    let keptDb: Awaited<ReturnType<typeof privateDatabase>>;
    let refDb: Awaited<ReturnType<typeof privateDatabase>>;
    /** Tiny thresholds: a few dozen matches take the path a word on most of 100,000 pages takes. */
    let kept: PostgresSearchIndex;
    /** No kept rankings, exact counts: every search is the one statement that scores every match. */
    let ref: PostgresSearchIndex;
    const errors: unknown[] = [];

    /** Both indexes get the same writes. */
    const both = async (write: (index: PostgresSearchIndex) => Promise<void>) => {
      await write(kept);
      await write(ref);
    };
    const hitsOf = (r: Awaited<ReturnType<PostgresSearchIndex['search']>>) => r.hits.map((h) => [h.documentId, h.fileId, h.score]);
    /** Searches both, the kept one twice (its first search may make the ranking), and expects the same hits. */
    const same = async (request: Parameters<PostgresSearchIndex['search']>[0]) => {
      await kept.search(request);
      await kept.settled();
      const a = await kept.search(request);
      const b = await ref.search(request);
      expect({ request, hits: hitsOf(a) }).toEqual({ request, hits: hitsOf(b) });
      expect(a.pageInfo.hasNextPage).toBe(b.pageInfo.hasNextPage);
      return { a, b };
    };

    beforeAll(async () => {
      [keptDb, refDb] = await Promise.all([privateDatabase(), privateDatabase()]);
      kept = await PostgresSearchIndex.open(keptDb.dataSource, {
        keptRanking: { keepFrom: 5, keptFiles: 6, maxKept: 3 },
        counting: { exactCountFiles: 8, minSampledDocuments: 1 },
        onBackgroundError: (e) => errors.push(e),
      });
      ref = await PostgresSearchIndex.open(refDb.dataSource, { keptRanking: { keepFrom: 0 } });
      await both((index) => index.upsertMany(corpus()));
    });
    afterAll(async () => {
      await kept?.close();
      await ref?.close();
      await keptDb?.dispose();
      await refDb?.dispose();
    });
    afterEach(() => expect(errors).toEqual([]));

    it('makes a ranking after a search that matched many files, and ranks from it exactly, page after page', async () => {
      const before = { ...kept.kept.localStats };
      await kept.search({ query: 'budget', includeRestricted: false });
      await kept.settled();
      expect(kept.kept.localStats.made).toBe(before.made + 1);
      // The best 6; fewer when files tie with the best one left out (the floor: every file at or below it goes).
      const [{ n }] = await keptDb.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_ranking`);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThanOrEqual(6);
      let after: string | null = null;
      const seen: string[] = [];
      for (let page = 0; page < 8; page++) {
        const { a } = await same({ query: 'budget', includeRestricted: false, first: 3, after });
        seen.push(...a.hits.map((h) => h.documentId));
        after = a.pageInfo.endCursor;
        if (!after) break;
      }
      expect(seen[0]).toBe('d0'); // its title matches: first, as in every engine
      expect(seen).toHaveLength(new Set(seen).size);
      // The first pages came from the ranking; past its 6 files the search statement answered.
      expect(kept.kept.localStats.pages - before.pages).toBeGreaterThanOrEqual(2);
      expect(kept.kept.localStats.unsettled - before.unsettled).toBeGreaterThanOrEqual(1);
    });

    it('ranks exactly with filters, access, exclusions, alternatives and phrases', async () => {
      for (const request of [
        { query: 'budget', filter: { meetingCodes: ['TEL37'] }, includeRestricted: false, first: 4 },
        { query: 'budget', filter: { economies: ['JPN'] }, includeRestricted: false, first: 2 },
        { query: 'budget -later', includeRestricted: false, first: 4 },
        { query: 'budget OR figures', includeRestricted: false, first: 4 },
        { query: 'budget project', includeRestricted: false, first: 4 },
        { query: '"the budget"', includeRestricted: true, first: 4 },
      ]) {
        await same(request);
      }
    });

    it('keeps rankings up to date as files are indexed again, added, restricted and removed', async () => {
      const request = { query: 'budget', includeRestricted: false, first: 5 };
      await same(request);
      const pages = kept.kept.localStats.pages;
      // A new paper about budgets, better than every listed file: next after d0 (its title matches) at once.
      await both((index) => index.upsertMany([paper(60, `Budget ${'budget '.repeat(30)}review.`)]));
      expect((await same(request)).a.hits.slice(0, 2).map((h) => h.documentId)).toEqual(['d0', 'd60']);
      // The best listed paper written again without the word: gone from the ranking.
      await both((index) => index.upsertMany([paper(60, 'A review of nothing in particular.')]));
      expect((await same(request)).a.hits.map((h) => h.documentId)).not.toContain('d60');
      // Restricted, then removed.
      const top = (await kept.search(request)).hits[1].documentId;
      await both((index) => index.setDocumentAccess(top, 'RESTRICTED'));
      expect((await same(request)).a.hits.map((h) => h.documentId)).not.toContain(top);
      expect((await same({ ...request, includeRestricted: true })).a.hits.map((h) => h.documentId)).toContain(top);
      await both((index) => index.removeDocument(top));
      expect((await same({ ...request, includeRestricted: true })).a.hits.map((h) => h.documentId)).not.toContain(top);
      expect(kept.kept.localStats.pages).toBeGreaterThan(pages + 4);
    });

    it('trims a ranking that writes have grown, raising its floor, and still ranks exactly', async () => {
      const request = { query: 'budget', includeRestricted: false, first: 5 };
      await same(request);
      const trimmed = kept.kept.localStats.trimmed;
      // Fifteen papers better than the floor: the ranking grows past twice its size.
      await both((index) => index.upsertMany(Array.from({ length: 15 }, (_, i) => paper(70 + i, `Budget ${'budget '.repeat(10 + i)}notes.`))));
      await same(request);
      expect(kept.kept.localStats.trimmed).toBe(trimmed + 1);
      const [{ n }] = await keptDb.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_ranking`);
      expect(n).toBeLessThanOrEqual(2 * 6 + 6); // the budget ranking trimmed to 6, the others at most 2 × 6
      await same({ ...request, first: 6 });
    });

    it('estimates counts and facets past exactCountFiles from a sample of documents, and says so', async () => {
      const a = await kept.search({ query: 'budget', includeRestricted: false, first: 5 });
      const b = await ref.search({ query: 'budget', includeRestricted: false, first: 5 });
      expect(b.totalCountIsEstimate).toBe(false);
      expect(a.totalCountIsEstimate).toBe(true);
      expect(a.totalCount % 1).toBe(0);
      expect(a.totalCount).toBeGreaterThanOrEqual(5);
      for (const f of a.facets.meetings) expect(f.count % 1).toBe(0);
      // A word on few files: exact, and said to be.
      const few = await kept.search({ query: 'figures', includeRestricted: false });
      expect(few).toMatchObject({ totalCount: 1, totalCountIsEstimate: false });
    });

    it('keeps at most maxKept rankings, dropping the one used least recently', async () => {
      for (const query of ['budget text', 'budget matters', 'budget notes', 'budget review']) {
        await kept.search({ query, includeRestricted: false });
        await kept.settled();
      }
      expect(await keptDb.dataSource.query(`SELECT count(*)::int AS n FROM search_ranking_query`)).toEqual([{ n: 3 }]);
      await same({ query: 'budget', includeRestricted: false, first: 5 });
    });

    it('counts exactly from a ranking that holds every match, with filters and access', async () => {
      await both((index) => index.upsertMany(Array.from({ length: 6 }, (_, i) => paper(300 + i, `Quota ${'quota '.repeat(i)}note ${i}.`))));
      await both((index) => index.setDocumentAccess('d301', 'RESTRICTED'));
      const counts = kept.kept.localStats.listCounts;
      for (const request of [
        { query: 'quota', includeRestricted: false, first: 2 },
        { query: 'quota', includeRestricted: true, first: 10 },
        { query: 'quota', filter: { meetingCodes: ['TEL37'] }, includeRestricted: false, first: 2 },
      ]) {
        const { a, b } = await same(request);
        expect({ total: a.totalCount, estimate: a.totalCountIsEstimate, facets: a.facets }).toEqual({ total: b.totalCount, estimate: false, facets: b.facets });
      }
      expect(kept.kept.localStats.listCounts - counts).toBeGreaterThanOrEqual(3); // each request at least once (same() searches twice)
    });

    it('makes a ranking for a query that was slow, though it matched fewer files than keepFrom', async () => {
      const own = await privateDatabase();
      try {
        const slow = await PostgresSearchIndex.open(own.dataSource, { keptRanking: { keepFrom: 1_000, keepSlowFrom: 3, keepSlowerThanMs: 0 } });
        await slow.upsertMany(Array.from({ length: 4 }, (_, i) => paper(400 + i, `Cable ${'cable '.repeat(i)}landing ${i}.`)));
        await slow.search({ query: '"cable landing"', includeRestricted: false });
        await slow.search({ query: 'nothingcable', includeRestricted: false });
        await slow.settled();
        expect(slow.kept.localStats.made).toBe(1);
        const again = await slow.search({ query: '"cable landing"', includeRestricted: false });
        expect(slow.kept.localStats.pages).toBe(1);
        expect(again).toMatchObject({ totalCount: 4, totalCountIsEstimate: false });
        await slow.close();
      } finally {
        await own.dispose();
      }
    });

    it('makes a ranking only once the index writes in progress have committed, so none is missed', async () => {
      const levy = Array.from({ length: 8 }, (_, i) => paper(200 + i, `Levy ${'levy '.repeat(i)}rates ${i}.`));
      await both((index) => index.upsertMany(levy));
      // A write in progress: its file is the best of all, and it has already looked for kept
      // rankings (there is none for "levy" yet) when the ranking starts to be made.
      const best = paper(210, `Levy ${'levy '.repeat(40)}table.`);
      let written!: () => void;
      let commit!: () => void;
      const inProgress = new Promise<void>((resolve) => (written = resolve));
      const held = new Promise<void>((resolve) => (commit = resolve));
      const write = new UnitOfWork(keptDb.dataSource).write(async (em) => {
        await kept.upsertMany([best], { em });
        written();
        await held;
      });
      await inProgress;
      await kept.search({ query: 'levy', includeRestricted: false });
      // The ranking waits for the write: PostgreSQL shows its lock request not granted.
      const waiting = async () =>
        (
          await keptDb.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_locks l WHERE l.relation = 'search_ranking_query'::regclass AND l.mode = 'ExclusiveLock' AND NOT l.granted`,
          )
        )[0].n;
      for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await waiting()).toBe(1);
      commit();
      await write;
      await ref.upsertMany([best]);
      await kept.settled();
      const { a } = await same({ query: 'levy', includeRestricted: false, first: 3 });
      expect(a.hits[0].documentId).toBe('d210');
    });

    it('counts a query of several words by the files that have each, wherever in the file, as the statement does', async () => {
      const [own, reference] = await Promise.all([privateDatabase(), privateDatabase()]);
      try {
        // Counted from the match list (no sample), with a kept ranking that holds only the best 2.
        const withRanking = await PostgresSearchIndex.open(own.dataSource, {
          keptRanking: { keepFrom: 3, keptFiles: 2 },
          counting: { exactCountFiles: 1_000, minSampledDocuments: 1 },
        });
        const statement = await PostgresSearchIndex.open(reference.dataSource, { keptRanking: { keepFrom: 0 } });
        const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i % 97}`).join(' ');
        const files = [
          // Both words, in segments far apart (the first page's segment has one, the last page's the other).
          ...Array.from({ length: 3 }, (_, i) => paper(500 + i, `Walrustariff ${'walrustariff '.repeat(i)}${filler(SEGMENT_POSITIONS)}`, { meetingCode: 'TEL40' })).map((f, i) => ({
            ...f,
            chunks: [...f.chunks, { page: 2, section: null, text: `${filler(SEGMENT_POSITIONS)} walruslevy ${i}.`, language: 'en' as const }],
          })),
          // Both words, side by side (the phrase too).
          ...Array.from({ length: 5 }, (_, i) => paper(510 + i, `The walrustariff walruslevy ${'walruslevy '.repeat(i)}note ${i}.`)),
          // Both words apart in the first segment, and the phrase only in a later one; both apart only.
          {
            ...paper(540, `Walrustariff ${filler(100)} walruslevy.`),
            chunks: [
              ...paper(540, `Walrustariff ${filler(100)} walruslevy.`).chunks,
              { page: 2, section: null, text: `${filler(SEGMENT_POSITIONS)} the walrustariff walruslevy.`, language: 'en' as const },
            ],
          },
          paper(541, `Walrustariff ${filler(100)} walruslevy ${'walruslevy '.repeat(9)}.`),
          // One of them only: no match.
          ...Array.from({ length: 3 }, (_, i) => paper(520 + i, `Walrustariff ${'walrustariff '.repeat(i)}only ${i}.`)),
          ...Array.from({ length: 3 }, (_, i) => paper(530 + i, `Walruslevy ${'walruslevy '.repeat(i)}only ${i}.`)),
        ];
        expect(fileSegments(files[0].meta.symbol, files[0].meta.title, files[0].chunks).length).toBeGreaterThan(1);
        await withRanking.upsertMany(files);
        await statement.upsertMany(files);
        for (const request of [
          { query: 'walrustariff walruslevy', includeRestricted: false, first: 1 },
          { query: '"walrustariff walruslevy"', includeRestricted: false, first: 1 },
          { query: 'walrustariff walruslevy', filter: { meetingCodes: ['TEL38', 'TEL40'] }, includeRestricted: false, first: 1 },
        ]) {
          await withRanking.search(request);
          await withRanking.settled();
          const pages = withRanking.kept.localStats.pages;
          const a = await withRanking.search(request);
          const b = await statement.search(request);
          expect(withRanking.kept.localStats.pages).toBe(pages + 1); // ranked from the kept ranking, counted apart
          expect({ request, total: a.totalCount, estimate: a.totalCountIsEstimate, facets: a.facets }).toEqual({ request, total: b.totalCount, estimate: false, facets: b.facets });
          expect(a.hits.map((h) => h.documentId)).toEqual(b.hits.map((h) => h.documentId));
        }
        expect((await statement.search({ query: 'walrustariff walruslevy', includeRestricted: false })).totalCount).toBe(10);
        expect((await statement.search({ query: '"walrustariff walruslevy"', includeRestricted: false })).totalCount).toBe(6);
        await withRanking.close();
        await statement.close();
      } finally {
        await Promise.all([own.dispose(), reference.dispose()]);
      }
    });

    it('makes a ranking while files are indexed at the same time, and misses none of them', async () => {
      await kept.removeDocument('none'); // nothing; takes the write lock like any write
      const more = Array.from({ length: 12 }, (_, i) => paper(100 + i, `Tariff ${'tariff '.repeat(i)}schedule ${i}.`));
      await both((index) => index.upsertMany(more.slice(0, 6)));
      // The first search starts making the ranking; the writes run while it is made.
      await kept.search({ query: 'tariff', includeRestricted: false });
      await Promise.all(more.slice(6).map((f) => kept.upsertMany([f])));
      await ref.upsertMany(more.slice(6));
      await kept.settled();
      await same({ query: 'tariff', includeRestricted: false, first: 5 });
      await same({ query: 'tariff', includeRestricted: false, first: 12 });
    });
  });
} else {
  process.stdout.write('postgres search contract suite left out: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it\n');
}
