import { Meilisearch } from 'meilisearch';
import { parseSearchQuery } from '../../text/search-text';
import { MEILISEARCH_SETTINGS, meiliQuery, MeilisearchSearchIndex } from './meilisearch-search-index';

describe('MeilisearchSearchIndex without a server', () => {
  it('loads the ESM-only client under jest and builds an index handle without connecting', () => {
    expect(typeof Meilisearch).toBe('function');
    const index = new MeilisearchSearchIndex({ url: 'http://127.0.0.1:1', apiKey: 'unused', indexUid: 'tel_test' });
    expect(index.engine).toBe('meilisearch');
    expect(index.joinsTransactions).toBe(false);
    expect(index.indexUid).toBe('tel_test');
  });

  it('maps an unreachable server to an AppError, not a raw client error', async () => {
    const index = new MeilisearchSearchIndex({ url: 'http://127.0.0.1:1' });
    await expect(index.search({ query: 'botnet', includeRestricted: false })).rejects.toMatchObject({
      name: 'AppError',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'The search engine cannot be reached',
    });
  });

  it('answers hostile or empty-after-parsing queries without a request', async () => {
    const index = new MeilisearchSearchIndex({ url: 'http://127.0.0.1:1' });
    for (const q of ['"', '***', '()', '--']) expect((await index.search({ query: q, includeRestricted: false })).totalCount).toBe(0);
  });

  it.each([
    ['botnet', 'botnet'],
    ['botnets', 'botnet'],
    ['"incident response" botnet', '"incid respons" botnet'],
    ['-botnet', 'botnet'],
    ['botnet -guide', 'botnet -guid'],
    ['2008-TELWG37-SPSG-006', '"2008 telwg37 spsg 006"'],
    ['殭屍網路 電子認證', '"僵尸网路" "电子认证"'],
    ['網路', '"网路"'],
  ])('turns %j into the Meilisearch query %j, folded as the documents are', (input, expected) => {
    expect(meiliQuery(parseSearchQuery(input))).toBe(expected);
  });

  it('keeps text per language in localized attributes and counts documents, not pages', () => {
    expect(MEILISEARCH_SETTINGS.distinctAttribute).toBe('documentId');
    expect(MEILISEARCH_SETTINGS.localizedAttributes).toEqual(expect.arrayContaining([{ attributePatterns: ['text_zh'], locales: ['cmn'] }]));
    expect(MEILISEARCH_SETTINGS.filterableAttributes).toEqual(expect.arrayContaining(['access', 'meetingCode', 'economyCodes', 'year']));
  });
});
