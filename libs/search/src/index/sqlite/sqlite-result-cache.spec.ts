import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTRACT_FIXTURES } from '../search-index.contract';
import type { SearchRequest } from '../search-index';
import { SqliteSearchIndex } from './sqlite-search-index';

/**
 * Kept pages of results (SqliteSearchReader.search): answered again only while the index is
 * unchanged. Every kind of write must be seen by the very next search — above all a document
 * made restricted, which an anonymous caller must stop finding at once.
 */
describe('SqliteSearchIndex kept result pages', () => {
  let dir: string;
  let index: SqliteSearchIndex;
  const anonymous = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ query, includeRestricted: false, first: 5, ...extra });
  const ids = async (request: SearchRequest) => (await index.search(request)).hits.map((h) => h.documentId).sort();
  const botnetDoc = CONTRACT_FIXTURES.find((f) => f.meta.documentId === 'body-only')!;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-search-cache-'));
    index = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'));
    await index.upsertMany(CONTRACT_FIXTURES);
  });
  afterEach(async () => {
    await index.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated search from the kept page, the same answer as computing it', async () => {
    const first = await index.search(anonymous('botnet'));
    const before = { ...index.localCacheStats };
    const again = await index.search(anonymous('botnet'));
    expect(again).toEqual(first);
    expect(first.hits.length).toBeGreaterThan(0);
    expect(index.localCacheStats).toEqual({ hits: before.hits + 1, misses: before.misses });
    // Another page, filter or caller is another search.
    await index.search(anonymous('botnet', { first: 2 }));
    await index.search(anonymous('botnet', { includeRestricted: true }));
    await index.search(anonymous('botnet', { filter: { groupCodes: ['SPSG'] } }));
    expect(index.localCacheStats).toEqual({ hits: before.hits + 1, misses: before.misses + 3 });
  });

  it('a document made restricted is gone from the next anonymous search, and back once public again', async () => {
    expect(await ids(anonymous('botnet'))).toContain('body-only');
    await index.search(anonymous('botnet')); // kept
    await index.setDocumentAccess('body-only', 'RESTRICTED');
    expect(await ids(anonymous('botnet'))).not.toContain('body-only');
    expect(await ids(anonymous('botnet', { includeRestricted: true }))).toContain('body-only');
    await index.setDocumentAccess('body-only', 'PUBLIC');
    expect(await ids(anonymous('botnet'))).toContain('body-only');
  });

  it('sees a file added, replaced and removed at the next search', async () => {
    await index.search(anonymous('lighthouse'));
    expect((await index.search(anonymous('lighthouse'))).totalCount).toBe(0);
    const meta = { ...botnetDoc.meta, documentId: 'lighthouse-doc', fileId: 'lighthouse-file' };
    await index.upsertDocumentChunks(meta, [{ page: 1, section: null, text: 'A lighthouse keeper.', language: 'en' }]);
    expect(await ids(anonymous('lighthouse'))).toEqual(['lighthouse-doc']);
    await index.upsertDocumentChunks(meta, [{ page: 1, section: null, text: 'A harbour master.', language: 'en' }]);
    expect((await index.search(anonymous('lighthouse'))).totalCount).toBe(0);
    expect(await ids(anonymous('harbour'))).toEqual(['lighthouse-doc']);
    await index.removeFile('lighthouse-file');
    expect((await index.search(anonymous('harbour'))).totalCount).toBe(0);
    await index.upsertDocumentChunks(meta, [{ page: 1, section: null, text: 'A harbour again.', language: 'en' }]);
    expect(await ids(anonymous('harbour'))).toEqual(['lighthouse-doc']);
    await index.removeDocument('lighthouse-doc');
    expect((await index.search(anonymous('harbour'))).totalCount).toBe(0);
  });

  it('sees a write made by another connection to the same file (another process, the API beside a worker)', async () => {
    await index.search(anonymous('seashell'));
    const other = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'));
    try {
      await other.upsertDocumentChunks({ ...botnetDoc.meta, documentId: 'seashell-doc', fileId: 'seashell-file' }, [
        { page: 1, section: null, text: 'Seashell cables.', language: 'en' },
      ]);
    } finally {
      await other.close();
    }
    expect(await ids(anonymous('seashell'))).toEqual(['seashell-doc']);
  });

  it('gives each caller a copy: changing an answer does not change the next one', async () => {
    const first = await index.search(anonymous('botnet'));
    const snippet = first.hits[0].snippet;
    first.hits[0].snippet = 'changed by the caller';
    first.facets.groups.length = 0;
    const again = await index.search(anonymous('botnet'));
    expect(again.hits[0].snippet).toBe(snippet);
    expect(again.facets.groups.length).toBeGreaterThan(0);
    const third = await index.search(anonymous('botnet'));
    third.hits.length = 0;
    expect((await index.search(anonymous('botnet'))).hits[0].snippet).toBe(snippet);
  });

  it('keeps at most resultCacheEntries pages, dropping the least recently used; 0 keeps none', async () => {
    const small = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'), { resultCacheEntries: 2 });
    const none = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'), { resultCacheEntries: 0 });
    try {
      for (const q of ['botnet', 'incident', 'botnet', 'security', 'incident', 'botnet']) await small.search(anonymous(q));
      // botnet, incident: computed; botnet: kept; security: computed (incident dropped); incident: computed (botnet dropped); botnet: computed.
      expect(small.localCacheStats).toEqual({ hits: 1, misses: 5 });
      for (let i = 0; i < 3; i++) await none.search(anonymous('botnet'));
      expect(none.localCacheStats).toEqual({ hits: 0, misses: 0 });
    } finally {
      await small.close();
      await none.close();
    }
  });
});
