/**
 * The search index in the real application database (the SQLite file the API migrates, or the
 * PostgreSQL schema it migrates: SEARCH_ENGINE=postgres), fed by the real extractor with the TEL37 report. The GraphQL
 * searchDocuments API and the upload wiring come with the documents feature.
 */
import * as path from 'node:path';
import { createTestApp, TestApp } from '@tel/testing';
import { PostgresSearchIndex, SearchIndex, SqliteSearchIndex, TextExtractor } from '@tel/search';

const REPORT = path.resolve(__dirname, '../../shared/corpus/tel37-trip-report.zh.txt');

describe('search index in the application database', () => {
  let t: TestApp;
  let index: SearchIndex;
  let extractor: TextExtractor;

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    index = t.dialect === 'sqlite' ? await SqliteSearchIndex.inMainDatabase(t.dataSource, (work) => t.uow.write(work)) : await PostgresSearchIndex.open(t.dataSource);
    extractor = new TextExtractor();
  });
  afterAll(async () => {
    await extractor?.close();
    await index?.close();
    await t?.close();
  });

  it('indexes the extracted TEL37 report inside a unit of work and finds its Chinese and English words', async () => {
    const { chunks } = await extractor.extract(REPORT, 'text/plain; charset=utf-8', { timeoutMs: 30_000 });
    await t.uow.write(async (em) => {
      await index.upsertDocumentChunks(
        {
          documentId: 'tel37-report',
          revisionId: 'tel37-report-r0',
          fileId: 'tel37-report-zh',
          symbol: '2008-TELWG37-CT-001',
          title: '參加「APEC TEL 第 37 次會議」出國報告',
          meetingCode: 'TEL37',
          groupCode: 'SPSG',
          economyCodes: ['CT'],
          type: 'REPORT',
          year: 2008,
          language: 'zh',
          access: 'PUBLIC',
          publishedAt: '2008-06-26T00:00:00.000Z',
        },
        chunks,
        { em },
      );
    });
    for (const q of ['殭屍網路', '電子認證', '網路', 'Botnet', 'SPSG']) {
      const r = await index.search({ query: q, includeRestricted: false, first: 5 });
      expect({ q, total: r.totalCount }).toEqual({ q, total: 1 });
      expect(r.hits[0].snippet).toMatch(/<mark>/);
    }
    expect((await index.stats()).chunks).toBe(chunks.length);
  });

  it('leaves the application schema as the migrations made it (nothing for migration:make to add or drop)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
