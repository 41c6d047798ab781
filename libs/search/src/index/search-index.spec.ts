import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@tel/core';
import { searchIndexContract } from './search-index.contract';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-search-index';
import { SqliteSearchIndex } from './sqlite/sqlite-search-index';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tel-search-'));
}

searchIndexContract('sqlite (own file)', () => {
  const dir = tempDir();
  const index = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'));
  return Promise.resolve({
    index,
    async dispose() {
      await index.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
});

// The same suite with searches on worker threads (what the application runs): answers must not differ.
searchIndexContract('sqlite (own file, 2 search workers)', () => {
  const dir = tempDir();
  const index = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'), { workers: 2 });
  return Promise.resolve({
    index,
    async dispose() {
      await index.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
});

// Meilisearch runs against a real server only (there is no fake): set MEILI_URL (and MEILI_API_KEY).
const MEILI_URL = process.env.MEILI_URL;
if (MEILI_URL) {
  searchIndexContract('meilisearch', async () => {
    const index = new MeilisearchSearchIndex({ url: MEILI_URL, apiKey: process.env.MEILI_API_KEY, indexUid: `tel_contract_${Date.now()}_${process.pid}` });
    await index.ensureIndex();
    return { index, dispose: () => index.deleteIndex() };
  });
} else {
  process.stdout.write('meilisearch contract suite left out: set MEILI_URL to run it\n');
}

async function mainDatabase(dir: string): Promise<{ dataSource: DataSource; uow: UnitOfWork }> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: path.join(dir, 'main.sqlite'),
    entities: [],
    prepareDatabase: (db: BetterSqlite3.Database) => void db.pragma('journal_mode = WAL'),
  });
  await dataSource.initialize();
  return { dataSource, uow: new UnitOfWork(dataSource) };
}

searchIndexContract('sqlite (inside the main SQLite database)', async () => {
  const dir = tempDir();
  const { dataSource, uow } = await mainDatabase(dir);
  const index = await SqliteSearchIndex.inMainDatabase(dataSource, (work) => uow.write(work));
  return {
    index,
    async dispose() {
      await index.close();
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

searchIndexContract('sqlite (inside the main SQLite database, 2 search workers)', async () => {
  const dir = tempDir();
  const { dataSource, uow } = await mainDatabase(dir);
  const index = await SqliteSearchIndex.inMainDatabase(dataSource, (work) => uow.write(work), { workers: 2 });
  return {
    index,
    async dispose() {
      await index.close();
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteSearchIndex inside the main database', () => {
  let dir: string;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let index: SqliteSearchIndex;
  const meta = {
    documentId: 'd1',
    revisionId: 'r1',
    fileId: 'f1',
    symbol: '2008-TELWG37-SPSG-006',
    title: 'Output report',
    meetingCode: 'TEL37',
    groupCode: 'SPSG',
    economyCodes: ['ROK'],
    type: 'REPORT',
    year: 2008,
    language: 'en' as const,
    access: 'PUBLIC' as const,
    publishedAt: null,
  };
  const chunks = [{ page: 1, section: null, text: 'Strengthening effective response capabilities', language: 'en' as const }];

  beforeAll(async () => {
    dir = tempDir();
    ({ dataSource, uow } = await mainDatabase(dir));
    await dataSource.query('CREATE TABLE extraction (file_id TEXT PRIMARY KEY, status TEXT)');
    index = await SqliteSearchIndex.inMainDatabase(dataSource, (work) => uow.write(work));
  });
  afterAll(async () => {
    await index.close();
    await dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes in the caller’s transaction: rolled back with it, committed with it', async () => {
    await expect(
      uow.write(async (em) => {
        await em.query("INSERT INTO extraction VALUES ('f1', 'DONE')");
        await index.upsertDocumentChunks(meta, chunks, { em });
        throw new Error('the upload failed after indexing');
      }),
    ).rejects.toThrow('the upload failed');
    expect((await index.search({ query: 'capabilities', includeRestricted: true })).totalCount).toBe(0);
    expect(await dataSource.query('SELECT * FROM extraction')).toEqual([]);

    await uow.write(async (em) => {
      await em.query("INSERT INTO extraction VALUES ('f1', 'DONE')");
      await index.upsertDocumentChunks(meta, chunks, { em });
    });
    expect((await index.search({ query: 'capabilities', includeRestricted: false })).totalCount).toBe(1);
  });

  it('does not let searches see another unit of work’s uncommitted rows', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const writing = uow.write(async (em) => {
      await index.upsertDocumentChunks({ ...meta, fileId: 'f2', documentId: 'd2' }, [{ ...chunks[0], text: 'uncommittedword' }], { em });
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect((await index.search({ query: 'uncommittedword', includeRestricted: true })).totalCount).toBe(0);
    release();
    await writing;
    expect((await index.search({ query: 'uncommittedword', includeRestricted: true })).totalCount).toBe(1);
  });

  it('refuses { em } from outside a transaction', async () => {
    await expect(index.removeFile('f1', { em: dataSource.manager })).rejects.toThrow('inside uow.write');
  });
});

/** A one-page English paper of the ranking tests: file f{n} of document d{n} unless told otherwise. */
function paper(n: number, text: string, meta: { title?: string; documentId?: string; revisionId?: string; meetingCode?: string; publishedAt?: string } = {}) {
  return {
    meta: {
      documentId: meta.documentId ?? `d${n}`,
      revisionId: meta.revisionId ?? `r${n}`,
      fileId: `f${n}`,
      symbol: `2008-TELWG37-PLEN-${String(n).padStart(3, '0')}`,
      title: meta.title ?? `Paper ${n}`,
      meetingCode: meta.meetingCode ?? 'TEL37',
      groupCode: 'PLEN',
      economyCodes: ['AUS'],
      type: 'REPORT',
      year: 2008,
      language: 'en' as const,
      access: 'PUBLIC' as const,
      publishedAt: meta.publishedAt ?? `2008-01-${String(1 + (n % 28)).padStart(2, '0')}`,
    },
    chunks: [{ page: 1, section: null, text, language: 'en' as const }],
  };
}

/**
 * The index under test with tiny thresholds — a few dozen matches take the path a word on most of
 * 100,000 pages takes (FTS5's own rank order, counts from a sample) — and a reference index with
 * the defaults, which ranks them in one SQL statement; both hold `files`.
 */
async function rankingPair(files: ReturnType<typeof paper>[]): Promise<{ fts: SqliteSearchIndex; sql: SqliteSearchIndex; close: () => Promise<void> }> {
  const dir = tempDir();
  const fts = SqliteSearchIndex.openFile(path.join(dir, 'fts.sqlite'), { rankAllFiles: 5, exactCountFiles: 8, minSampledDocuments: 1 });
  const sql = SqliteSearchIndex.openFile(path.join(dir, 'sql.sqlite'));
  await fts.upsertMany(files);
  await sql.upsertMany(files);
  return {
    fts,
    sql,
    close: async () => {
      await fts.close();
      await sql.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('SqliteSearchIndex ranking of a word on most documents', () => {
  let fts: SqliteSearchIndex;
  let sql: SqliteSearchIndex;
  let close: () => Promise<void>;
  const meeting = (n: number) => (n % 2 ? 'TEL37' : 'TEL38');

  beforeAll(async () => {
    const files = [paper(0, 'Figures.', { title: 'Budget of the secretariat', meetingCode: meeting(0) })];
    for (let n = 1; n <= 40; n++) {
      // Documents d1 … d10 have a second revision (files f41 … f50) that also matches.
      files.push(paper(n, `The budget ${'budget '.repeat(n % 5)}of project ${n}.`, { meetingCode: meeting(n) }));
    }
    for (let n = 41; n <= 50; n++) {
      files.push(paper(n, `A later budget ${'budget '.repeat(n % 3)}text.`, { meetingCode: meeting(n), documentId: `d${n - 40}` }));
    }
    ({ fts, sql, close } = await rankingPair(files));
  });
  afterAll(() => close());

  it('ranks exactly as scoring every match does, title matches first, page after page', async () => {
    let after: string | null = null;
    const seen: string[] = [];
    for (let page = 0; page < 4; page++) {
      const a = await fts.search({ query: 'budget', includeRestricted: false, first: 7, after });
      const b = await sql.search({ query: 'budget', includeRestricted: false, first: 7, after });
      expect(a.hits.map((h) => [h.documentId, h.fileId, h.score])).toEqual(b.hits.map((h) => [h.documentId, h.fileId, h.score]));
      seen.push(...a.hits.map((h) => h.documentId));
      after = a.pageInfo.endCursor;
    }
    expect(seen[0]).toBe('d0');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(28);
  });

  it('ranks exactly with a filter and an exclusion', async () => {
    for (const request of [{ query: 'budget', filter: { meetingCodes: ['TEL37'] } }, { query: 'budget -later' }, { query: 'budget OR figures' }]) {
      const a = await fts.search({ ...request, includeRestricted: false, first: 10 });
      const b = await sql.search({ ...request, includeRestricted: false, first: 10 });
      expect(a.hits.map((h) => [h.documentId, h.fileId])).toEqual(b.hits.map((h) => [h.documentId, h.fileId]));
    }
  });

  it('estimates counts and facets past exactCountFiles, and says so', async () => {
    const a = await fts.search({ query: 'budget', includeRestricted: false, first: 5 });
    const b = await sql.search({ query: 'budget', includeRestricted: false, first: 5 });
    expect(b.totalCountIsEstimate).toBe(false);
    expect(b.totalCount).toBe(41);
    expect(a.totalCountIsEstimate).toBe(true);
    expect(a.totalCount).toBeGreaterThan(0);
    expect(a.totalCount % 1).toBe(0);
    const few = await fts.search({ query: 'figures', includeRestricted: false });
    expect(few).toMatchObject({ totalCount: 1, totalCountIsEstimate: false });
  });
});

describe('SqliteSearchIndex: the file a hit shows when its document has files outside the best n', () => {
  it('shows the newest revision even when its file ranks far below the document’s best', async () => {
    const dir = tempDir();
    // rankAllFiles 5: FTS5's own rank order (the path of a word on most pages), which reads the best
    // 64 files first. d0's old revision is the best file of all; its new revision mentions the word
    // once in a long text, so it ranks below 80 other documents' files, out of that first read.
    const fts = SqliteSearchIndex.openFile(path.join(dir, 'fts.sqlite'), { rankAllFiles: 5, exactCountFiles: 1_000 });
    const sql = SqliteSearchIndex.openFile(path.join(dir, 'sql.sqlite'));
    const file = (n: number, documentId: string, publishedAt: string, text: string) => paper(n, text, { documentId, revisionId: `${documentId}-r${n}`, publishedAt });
    const files = [file(0, 'd0', '2008-01-01', `tariff ${'tariff '.repeat(30)}`), file(1, 'd0', '2008-06-01', `tariff once ${'and other matters '.repeat(60)}`)];
    for (let n = 2; n <= 82; n++) files.push(file(n, `d${n}`, '2008-02-01', `tariff ${'tariff '.repeat(n % 4)}and a few words ${n}.`));
    try {
      await fts.upsertMany(files);
      await sql.upsertMany(files);
      const a = await fts.search({ query: 'tariff', includeRestricted: false, first: 10 });
      const b = await sql.search({ query: 'tariff', includeRestricted: false, first: 10 });
      expect(a.hits[0]).toMatchObject({ documentId: 'd0', fileId: 'f1' }); // d0 first, shown at its newest revision
      expect(a.hits.map((h) => [h.documentId, h.fileId, h.score])).toEqual(b.hits.map((h) => [h.documentId, h.fileId, h.score]));
    } finally {
      await fts.close();
      await sql.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteSearchIndex: a filter that keeps few of a large match set', () => {
  /**
   * 100 TEL37 papers about tariffs rank above the `few` TEL38 ones that mention the word once in a
   * long text: FTS5's best 64 hold no TEL38 file. Pages of 5 TEL38 results, each compared with the
   * reference (every match scored in one SQL statement); says how the index ranked them.
   */
  async function searchTel38(few: number): Promise<{ filteredPasses: number; rankOrderReads: number }> {
    const dir = tempDir();
    const fts = SqliteSearchIndex.openFile(path.join(dir, 'fts.sqlite'), { rankAllFiles: 5, exactCountFiles: 1_000 });
    const sql = SqliteSearchIndex.openFile(path.join(dir, 'sql.sqlite'));
    const file = (n: number, meetingCode: string, text: string) => paper(n, text, { meetingCode, publishedAt: `2008-02-${String(1 + (n % 28)).padStart(2, '0')}` });
    const files = [];
    for (let n = 0; n < 100; n++) files.push(file(n, 'TEL37', `tariff ${'tariff '.repeat(3 + (n % 5))}rates ${n}.`));
    for (let n = 100; n < 100 + few; n++) files.push(file(n, 'TEL38', `tariff ${'and other matters '.repeat(10 + (n % 7) * 5)}${n}.`));
    try {
      await fts.upsertMany(files);
      await sql.upsertMany(files);
      const request = { query: 'tariff', filter: { meetingCodes: ['TEL38'] }, includeRestricted: false };
      const before = { ...fts.localRankStats };
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const a = await fts.search({ ...request, first: 5, after });
        const b = await sql.search({ ...request, first: 5, after });
        expect(a.hits.map((h) => [h.documentId, h.fileId, h.score])).toEqual(b.hits.map((h) => [h.documentId, h.fileId, h.score]));
        expect(a.hits.length).toBe(Math.min(5, few - page * 5));
        after = a.pageInfo.endCursor;
      }
      return { filteredPasses: fts.localRankStats.filteredPasses - before.filteredPasses, rankOrderReads: fts.localRankStats.rankOrderReads - before.rankOrderReads };
    } finally {
      await fts.close();
      await sql.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('scores just the files that pass a filter keeping an eighth of the matches or less, and ranks exactly', async () => {
    expect(await searchTel38(12)).toEqual({ filteredPasses: 3, rankOrderReads: 0 });
  });

  it('scores them when the rank order’s best do not settle the page, instead of reading deeper', async () => {
    // 40 of 140: each page reads FTS5's best 64–105 once (no TEL38 among them), then scores the
    // TEL38 files, rather than reading deeper into the rank order.
    expect(await searchTel38(40)).toEqual({ filteredPasses: 3, rankOrderReads: 3 });
  });
});

describe('SqliteSearchIndex: a batch of files (upsertMany)', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** FTS5's segments of search_fts that hold terms (its shadow table %_idx has a row per leaf page of each). */
  const segments = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT count(DISTINCT segid) FROM search_fts_idx').pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it('indexes files of many documents in one FTS5 segment, and searches them as one upsert after another would', async () => {
    // 30 documents: their file ids fall in buckets all over the id space, in no order.
    const files = Array.from({ length: 30 }, (_, n) => paper(n, `Spectrum ${'spectrum '.repeat(n % 4)}licensing paper ${n}.`));
    const batched = SqliteSearchIndex.openFile(path.join(dir, 'batched.sqlite'));
    const single = SqliteSearchIndex.openFile(path.join(dir, 'single.sqlite'));
    try {
      await batched.upsertMany(files);
      for (const f of files) await single.upsertMany([f]);
      // Inserted in the order given, FTS5 would write a segment whenever an id is below the last one.
      expect(segments(path.join(dir, 'batched.sqlite'))).toBe(1);
      for (const query of ['spectrum', 'paper 17', '"licensing paper"']) {
        const a = await batched.search({ query, includeRestricted: false, first: 50 });
        const b = await single.search({ query, includeRestricted: false, first: 50 });
        expect(a.hits.map((h) => [h.documentId, h.fileId, h.score, h.snippet])).toEqual(b.hits.map((h) => [h.documentId, h.fileId, h.score, h.snippet]));
        expect(a.totalCount).toBe(b.totalCount);
      }
      expect((await batched.search({ query: 'spectrum', includeRestricted: false })).totalCount).toBe(30);
      // Replacing files in a batch replaces them, in the same segment-friendly order.
      await batched.upsertMany(files.slice(0, 10).map((f, n) => paper(n, `Broadband ${n}.`, { documentId: f.meta.documentId })));
      expect((await batched.search({ query: 'spectrum', includeRestricted: false })).totalCount).toBe(20);
      expect((await batched.search({ query: 'broadband', includeRestricted: false })).totalCount).toBe(10);
      expect(await batched.stats()).toMatchObject({ files: 30, chunks: 30 });
    } finally {
      await batched.close();
      await single.close();
    }
  });
});

describe('SqliteSearchIndex: title matches enough for the page', () => {
  let fts: SqliteSearchIndex;
  let sql: SqliteSearchIndex;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const files = [];
    for (let n = 0; n < 60; n++) {
      // 15 documents have the word in the title (every fourth); the body says it 1–5 times.
      const title = n % 4 === 0 ? `Tariff review ${n}` : `Paper ${n}`;
      files.push(paper(n, `On the tariff ${'tariff '.repeat(n % 5)}of economy ${n}.`, { title, meetingCode: n % 2 ? 'TEL37' : 'TEL38' }));
    }
    // A second revision of a titled document, newer, whose file has the word once: the hit shows it.
    files.push(paper(60, 'The tariff, revised.', { title: 'Tariff review 8, revised', documentId: 'd8', publishedAt: '2008-02-01' }));
    ({ fts, sql, close } = await rankingPair(files));
  });
  afterAll(() => close());

  const same = async (request: { query: string; filter?: { meetingCodes: string[] }; first: number; after?: string | null }) => {
    const a = await fts.search({ ...request, includeRestricted: false });
    const b = await sql.search({ ...request, includeRestricted: false });
    expect(a.hits.map((h) => [h.documentId, h.fileId, h.score])).toEqual(b.hits.map((h) => [h.documentId, h.fileId, h.score]));
    return a;
  };

  it('answers a page that title matches fill from them alone, exactly, and reads the rank order for the page past them', async () => {
    const before = { ...fts.localRankStats };
    const first = await same({ query: 'tariff', first: 10 });
    expect(first.hits.map((h) => h.documentId).every((d) => Number(d.slice(1)) % 4 === 0)).toBe(true);
    expect(first.hits.find((h) => h.documentId === 'd8')?.fileId).toBe('f60');
    expect(fts.localRankStats.titlePages - before.titlePages).toBe(1);
    expect(fts.localRankStats.rankOrderReads - before.rankOrderReads).toBe(0);
    // Documents 11–20: five titled, then the best of the rest.
    const second = await same({ query: 'tariff', first: 10, after: first.pageInfo.endCursor });
    expect(second.hits.filter((h) => Number(h.documentId.slice(1)) % 4 === 0)).toHaveLength(5);
    expect(fts.localRankStats.titlePages - before.titlePages).toBe(1);
    expect(fts.localRankStats.rankOrderReads - before.rankOrderReads).toBe(1);
  });

  it('counts only the title matches that pass the filters', async () => {
    const before = { ...fts.localRankStats };
    // TEL38 (even n) has all 15 titled documents: a page of them. TEL37 has one (d8's revision): not enough.
    await same({ query: 'tariff', filter: { meetingCodes: ['TEL38'] }, first: 10 });
    expect(fts.localRankStats.titlePages - before.titlePages).toBe(1);
    await same({ query: 'tariff', filter: { meetingCodes: ['TEL37'] }, first: 10 });
    expect(fts.localRankStats.titlePages - before.titlePages).toBe(1);
    expect(fts.localRankStats.rankOrderReads + fts.localRankStats.filteredPasses - before.rankOrderReads - before.filteredPasses).toBeGreaterThan(0);
  });
});

describe('SqliteSearchIndex: the best of many title matches', () => {
  let fts: SqliteSearchIndex;
  let sql: SqliteSearchIndex;
  let close: () => Promise<void>;
  const filler = 'of the working group on the matter of economies '.repeat(20);

  beforeAll(async () => {
    const files = [];
    for (let n = 0; n < 60; n++) {
      // Every document has the word in its title; d3 and d5 say it most in the body.
      const times = n === 3 || n === 5 ? 12 : 1 + (n % 6);
      files.push(paper(n, `On the tariff ${'tariff '.repeat(times)}of economy ${n}.`, { title: `Tariff review ${n}` }));
    }
    // d3's newer revision has two files: one matches in the title but says the word once in a
    // long text, the other is no title match but says it three times. The hit shows the first:
    // its title puts it ahead — which is known only if its title is looked up, since it is not
    // among the best title matches read.
    files.push(paper(100, `The tariff, revised, ${filler}`, { title: 'Tariff review 3, revised', documentId: 'd3', revisionId: 'r3b', publishedAt: '2008-03-01' }));
    files.push(paper(102, 'Annex: tariff tariff tariff.', { title: 'Annex', documentId: 'd3', revisionId: 'r3b', publishedAt: '2008-03-01' }));
    // d5's newer revision is no title match: the hit shows it all the same (newest revision first).
    files.push(paper(101, 'A tariff note.', { title: 'Paper 5, revised', documentId: 'd5', revisionId: 'r5b', publishedAt: '2008-03-01' }));
    ({ fts, sql, close } = await rankingPair(files));
  });
  afterAll(() => close());

  it('reads only as deep into the title matches as the page needs, exactly, and shows each document at its newest revision', async () => {
    const before = { ...fts.localRankStats };
    let after: string | null = null;
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) {
      const a = await fts.search({ query: 'tariff', includeRestricted: false, first: 5, after });
      const b = await sql.search({ query: 'tariff', includeRestricted: false, first: 5, after });
      expect(a.hits.map((h) => [h.documentId, h.fileId, h.score])).toEqual(b.hits.map((h) => [h.documentId, h.fileId, h.score]));
      seen.push(...a.hits.map((h) => h.documentId));
      after = a.pageInfo.endCursor;
      if (page === 0) {
        expect(a.hits.slice(0, 2).map((h) => h.documentId)).toEqual(['d3', 'd5']);
        expect(a.hits.slice(0, 2).map((h) => h.fileId)).toEqual(['f100', 'f101']);
      }
    }
    expect(new Set(seen).size).toBe(15);
    expect(fts.localRankStats.titleReads - before.titleReads).toBe(3);
    expect(fts.localRankStats.titlePages - before.titlePages).toBe(3);
    expect(fts.localRankStats.rankOrderReads - before.rankOrderReads).toBe(0);
  });
});
describe('SqliteSearchIndex: title matches of few documents', () => {
  it('reads every title match when the best ones are files of fewer documents than the page', async () => {
    const files = [];
    // Documents d0 … d9 have four files each (revisions), every one with the word in its title and
    // said more often the lower the document: the best 16 files are those of d0 … d3 alone.
    for (let n = 0; n < 40; n++) {
      const doc = Math.floor(n / 4);
      files.push(paper(n, `The tariff ${'tariff '.repeat(20 - doc * 2)}of economy ${n}.`, { title: `Tariff ${doc}`, documentId: `d${doc}`, revisionId: `r${n}` }));
    }
    for (let n = 40; n < 60; n++) files.push(paper(n, `A tariff note ${n}.`, { title: `Paper ${n}` }));
    const { fts, sql, close } = await rankingPair(files);
    try {
      const before = { ...fts.localRankStats };
      const a = await fts.search({ query: 'tariff', includeRestricted: false, first: 5 });
      const b = await sql.search({ query: 'tariff', includeRestricted: false, first: 5 });
      expect(a.hits.map((h) => [h.documentId, h.fileId, h.score])).toEqual(b.hits.map((h) => [h.documentId, h.fileId, h.score]));
      expect(a.hits.map((h) => h.documentId)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
      expect(fts.localRankStats.titleReads - before.titleReads).toBe(1);
      expect(fts.localRankStats.titlePages - before.titlePages).toBe(1);
      expect(fts.localRankStats.rankOrderReads - before.rankOrderReads).toBe(0);
    } finally {
      await close();
    }
  });
});
