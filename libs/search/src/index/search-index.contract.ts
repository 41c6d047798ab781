/**
 * What every SearchIndex adapter must do, as one jest suite. A spec calls
 * `searchIndexContract(name, open)` once per engine; nothing here knows which engine runs.
 */
import type { ExtractedChunk } from '../extraction/extraction.types';
import type { Language } from '../language/language';
import type { DocumentMeta, SearchIndex, SearchRequest, SearchResult } from './search-index';

export interface ContractTarget {
  index: SearchIndex;
  /** Drops what the suite created (a temporary file, a Meilisearch index). */
  dispose(): Promise<void>;
}

type Fixture = { meta: DocumentMeta; chunks: ExtractedChunk[] };

function doc(id: string, over: Partial<DocumentMeta>, pages: (string | { text: string; language?: Language; section?: string })[], language: Language = 'en'): Fixture {
  return {
    meta: {
      documentId: id,
      revisionId: `${id}-rev0`,
      fileId: `${id}-file`,
      symbol: `2008-TELWG37-PLEN-${id}`,
      title: `Paper ${id}`,
      meetingCode: 'TEL37',
      groupCode: 'PLEN',
      economyCodes: ['JPN'],
      type: 'WORKING_PAPER',
      year: 2008,
      language,
      access: 'PUBLIC',
      publishedAt: '2008-03-20T00:00:00.000Z',
      ...over,
    },
    chunks: pages.map((p, i) =>
      typeof p === 'string' ? { page: i + 1, section: null, text: p, language } : { page: i + 1, section: p.section ?? null, text: p.text, language: p.language ?? language },
    ),
  };
}

/** The fixture set; ids say what each document is for. */
export const CONTRACT_FIXTURES: Fixture[] = [
  doc(
    'botnet-report',
    {
      symbol: '2008-TELWG37-PTAB-WS-016',
      title: 'Research report on botnet countermeasures',
      groupCode: 'SPSG',
      type: 'REPORT',
      economyCodes: ['PRC'],
      publishedAt: '2008-03-23T00:00:00.000Z',
    },
    [
      'Workshop on policy and technical approaches. The expert team circulated a framework draft.',
      'Computer emergency teams described their incident response procedures and cooperation.',
    ],
  ),
  doc('body-only', { title: 'Economy report of Australia', economyCodes: ['AUS'], groupCode: 'SPSG', publishedAt: '2008-03-24T00:00:00.000Z' }, [
    'A botnet is a network of compromised machines. Botnet herders rent the botnet out; botnet takedowns need botnet expertise.',
    'The response to an incident depends on the economy.',
  ]),
  doc('script-chunk', { title: 'Web page security', economyCodes: ['USA'], type: 'PRESENTATION', meetingCode: 'TEL38', year: 2008 }, [
    'Attackers inject <script>alert("x")</script> into pages; a botnet then spreads it & more.',
  ]),
  doc(
    'pki-zh',
    {
      symbol: '2008-TELWG37-SPSG-020',
      title: 'APEC TEL PKI 暨電子認證教育訓練計畫',
      groupCode: 'SPSG',
      economyCodes: ['CT'],
      type: 'REPORT',
      publishedAt: '2008-03-26T00:00:00.000Z',
    },
    ['中華台北報告殭屍網路的防制與網路安全合作。', '本計畫推動公開金鑰基礎建設及電子認證，並調查各會員體之推展現況。'],
    'zh',
  ),
  doc(
    'cert-zh',
    { title: '憑證管理中心年報', economyCodes: ['CT'], meetingCode: 'TEL38', year: 2008, publishedAt: '2008-10-01T00:00:00.000Z' },
    ['本中心負責憑證簽發與身分認證之業務。'],
    'zh',
  ),
  doc(
    'security-ja',
    { title: '情報セキュリティ対策の推進', economyCodes: ['JPN'], groupCode: 'LSG', type: 'PRESENTATION' },
    ['総務省は情報セキュリティ対策を推進しています。'],
    'ja',
  ),
  doc('security-ko', { title: '사이버 보안 인식 제고', economyCodes: ['ROK'], groupCode: 'SPSG' }, ['한국은 사이버 보안 훈련을 실시하였다.'], 'ko'),
  doc(
    'restricted-minutes',
    {
      symbol: '2008-TELWG37-SPSG-099',
      title: 'Closed session minutes on botnet',
      access: 'RESTRICTED',
      type: 'MINUTES',
      groupCode: 'SPSG',
      economyCodes: ['RUS'],
      meetingCode: 'TEL39',
      year: 2009,
      publishedAt: '2009-01-01T00:00:00.000Z',
    },
    ['Confidential: the zanzibarword plan against the botnet and 網路 attacks.'],
  ),
  // One document, two files (English and Chinese): it counts once.
  doc('bilingual', { fileId: 'bilingual-en', title: 'Malware report', economyCodes: ['AUS', 'USA'], type: 'REPORT', year: 2007 }, ['The APEC TEL and OECD malware report.']),
  {
    ...doc('bilingual', { fileId: 'bilingual-zh', title: 'Malware report', economyCodes: ['AUS', 'USA'], type: 'REPORT', year: 2007 }, ['惡意軟體 malware 報告。'], 'zh'),
  },
  ...Array.from({ length: 5 }, (_, i) =>
    doc(`paging-${i}`, { title: `Paging paper ${i}`, meetingCode: 'TEL36', year: 2007, publishedAt: `2007-09-0${i + 1}T00:00:00.000Z` }, [
      `Quarterly pagingword update number ${i}.`,
    ]),
  ),
];

const PUBLIC_DOCUMENTS = new Set(CONTRACT_FIXTURES.filter((f) => f.meta.access === 'PUBLIC').map((f) => f.meta.documentId));

export const HOSTILE_QUERIES = [
  '"',
  '"""',
  '"unbalanced phrase',
  '*',
  'botnet*',
  '(',
  ')',
  '(botnet',
  'NEAR(botnet network, 2)',
  'botnet AND',
  'AND OR NOT',
  'NOT botnet',
  '-botnet',
  '--',
  'botnet OR',
  '^botnet',
  'symbol:botnet',
  '{title}: botnet',
  "'; DROP TABLE search_file; --",
  '\u0000\u0001',
  '\uE000mark\uE001',
  '🙂🙂',
  '網路"',
  'x'.repeat(10_000),
  'botnet '.repeat(2_000),
];

export function searchIndexContract(engine: string, open: () => Promise<ContractTarget>): void {
  describe(`SearchIndex contract: ${engine}`, () => {
    let target: ContractTarget;
    let index: SearchIndex;
    const search = (query: string, extra: Partial<SearchRequest> = {}): Promise<SearchResult> => index.search({ query, includeRestricted: false, first: 20, ...extra });
    const ids = (r: SearchResult) => r.hits.map((h) => h.documentId);

    beforeAll(async () => {
      target = await open();
      index = target.index;
      for (const f of CONTRACT_FIXTURES) await index.upsertDocumentChunks(f.meta, f.chunks);
    });
    afterAll(async () => {
      await target?.dispose();
    });

    describe('matching', () => {
      it('finds an English word, in any case', async () => {
        const r = await search('BOTNET');
        expect(new Set(ids(r))).toEqual(new Set(['botnet-report', 'body-only', 'script-chunk']));
        expect(r.totalCount).toBe(3);
      });

      it('finds a phrase only where its words stand together', async () => {
        const r = await search('"incident response"');
        expect(ids(r)).toEqual(['botnet-report']);
        expect(r.hits[0].page).toBe(2);
        expect(r.hits[0].snippet).toContain('<mark>incident response</mark>');
        // The same words apart: body-only has "response to an incident".
        expect(new Set(ids(await search('incident response')))).toEqual(new Set(['botnet-report', 'body-only']));
      });

      it('finds Chinese words of one, two and four characters inside longer runs', async () => {
        expect(ids(await search('殭屍網路'))).toEqual(['pki-zh']);
        expect(ids(await search('網路'))).toEqual(['pki-zh']);
        const cert = await search('電子認證');
        expect(ids(cert)).toEqual(['pki-zh']);
        expect(cert.hits[0].page).toBe(2);
        expect(cert.hits[0].snippet).toContain('<mark>電子認證</mark>');
        expect(new Set(ids(await search('認證')))).toEqual(new Set(['pki-zh', 'cert-zh']));
        expect(new Set(ids(await search('證')))).toEqual(new Set(['pki-zh', 'cert-zh']));
        expect(ids(await search('屍'))).toEqual(['pki-zh']);
      });

      it('does not match a Chinese word whose characters are only scattered', async () => {
        expect((await search('網安')).totalCount).toBe(0);
      });

      it('finds Japanese (kana and kanji) and Korean words', async () => {
        expect(ids(await search('セキュリティ'))).toEqual(['security-ja']);
        expect(ids(await search('対策'))).toEqual(['security-ja']);
        expect(ids(await search('보안'))).toEqual(['security-ko']);
      });

      it('finds a document by its symbol, however it is written', async () => {
        expect(ids(await search('2008-TELWG37-PTAB-WS-016'))[0]).toBe('botnet-report');
        expect(ids(await search('2008/TELWG37/PTAB-WS/016'))[0]).toBe('botnet-report');
      });

      it('ranks a document whose symbol or title matches above one that only mentions the word', async () => {
        const r = await search('botnet');
        expect(ids(r).indexOf('botnet-report')).toBeLessThan(ids(r).indexOf('body-only'));
        expect(r.hits[0].score).toBeGreaterThanOrEqual(r.hits[1].score);
      });

      it('names the best-matching file of a document, whichever was indexed last', async () => {
        // Two files of one revision with the same title: the paper says the words, its summary
        // (indexed after it) only carries them in the title.
        const shared = { documentId: 'two-files', revisionId: 'two-files-rev0', symbol: '2008-TELWG37-SPSG-090', title: 'Quokkaword zebrafinch review', economyCodes: ['NZ'] };
        const paper = doc('two-files', { ...shared, fileId: 'two-files-paper' }, ['The quokkaword zebrafinch review found the quokkaword in the zebrafinch data.']);
        const summary = doc('two-files', { ...shared, fileId: 'two-files-summary', language: 'zh' }, ['本檔案為中文摘要。'], 'zh');
        try {
          await index.upsertDocumentChunks(paper.meta, paper.chunks);
          await index.upsertDocumentChunks(summary.meta, summary.chunks);
          const r = await search('quokkaword zebrafinch review');
          expect(r.hits.map((h) => h.fileId)).toEqual(['two-files-paper']);
          expect(r.hits[0].snippet).toContain('<mark>');
        } finally {
          await index.removeDocument('two-files');
        }
      });

      it('counts a document once however many of its files match', async () => {
        const r = await search('malware');
        expect(ids(r)).toEqual(['bilingual']);
        expect(r.totalCount).toBe(1);
        expect(r.facets.economies).toEqual([
          { value: 'AUS', count: 1 },
          { value: 'USA', count: 1 },
        ]);
      });

      it('returns nothing, not an error, for a word that is nowhere', async () => {
        const r = await search('qzxjvwk');
        expect(r).toEqual({
          totalCount: 0,
          totalCountIsEstimate: false,
          hits: [],
          facets: { meetings: [], groups: [], types: [], economies: [], years: [] },
          pageInfo: { hasNextPage: false, endCursor: null },
          orderedBy: 'RELEVANCE',
        });
      });

      it('folds Chinese scripts, English inflections and full-width letters the same way for every engine', async () => {
        // pki-zh is written in traditional characters (殭屍網路); the query in simplified finds it.
        expect(ids(await search('僵尸'))).toEqual(['pki-zh']);
        expect(ids(await search('botnets')).sort()).toEqual(['body-only', 'botnet-report', 'script-chunk']);
        expect(ids(await search('ＢＯＴＮＥＴ')).sort()).toEqual(['body-only', 'botnet-report', 'script-chunk']);
      });

      it('leaves out documents with an excluded word', async () => {
        expect(ids(await search('botnet -attackers')).sort()).toEqual(['body-only', 'botnet-report']);
      });
    });

    describe('filters and facets', () => {
      it('counts documents per meeting, group, type, economy and year over the whole result', async () => {
        const r = await search('botnet', { first: 1 });
        expect(r.hits).toHaveLength(1);
        expect(r.totalCount).toBe(3);
        expect(r.facets.meetings).toEqual([
          { value: 'TEL37', count: 2 },
          { value: 'TEL38', count: 1 },
        ]);
        expect(r.facets.groups).toEqual([
          { value: 'SPSG', count: 2 },
          { value: 'PLEN', count: 1 },
        ]);
        expect(r.facets.types).toEqual([
          { value: 'PRESENTATION', count: 1 },
          { value: 'REPORT', count: 1 },
          { value: 'WORKING_PAPER', count: 1 },
        ]);
        expect(r.facets.economies).toEqual([
          { value: 'AUS', count: 1 },
          { value: 'PRC', count: 1 },
          { value: 'USA', count: 1 },
        ]);
        expect(r.facets.years).toEqual([{ value: '2008', count: 3 }]);
      });

      it('filters by meeting, group, economy, type, year and language', async () => {
        expect(ids(await search('botnet', { filter: { meetingCodes: ['TEL38'] } }))).toEqual(['script-chunk']);
        expect(new Set(ids(await search('botnet', { filter: { groupCodes: ['SPSG'] } })))).toEqual(new Set(['botnet-report', 'body-only']));
        expect(ids(await search('botnet', { filter: { economies: ['AUS', 'NZ'] } }))).toEqual(['body-only']);
        expect(ids(await search('botnet', { filter: { types: ['REPORT'] } }))).toEqual(['botnet-report']);
        expect(ids(await search('malware', { filter: { years: [2008] } }))).toEqual([]);
        expect(ids(await search('認證', { filter: { languages: ['zh'], meetingCodes: ['TEL38'] } }))).toEqual(['cert-zh']);
        expect(ids(await search('', { filter: { languages: ['ja', 'ko'] } })).sort()).toEqual(['security-ja', 'security-ko']);
      });

      it('with an empty query lists the newest documents first, with facets over all of them', async () => {
        const r = await search('', { first: 3 });
        expect(r.orderedBy).toBe('NEWEST');
        expect(r.totalCount).toBe(PUBLIC_DOCUMENTS.size);
        expect(ids(r)).toEqual(['cert-zh', 'pki-zh', 'body-only']);
        const total = r.facets.groups.reduce((n, g) => n + g.count, 0);
        expect(total).toBe(PUBLIC_DOCUMENTS.size);
      });
    });

    describe('restricted documents', () => {
      it('never appear for a caller who may not see them: not as hits, counts or facets', async () => {
        const secret = await search('zanzibarword');
        expect(secret.totalCount).toBe(0);
        expect(secret.hits).toEqual([]);
        expect(secret.facets.meetings).toEqual([]);

        const botnet = await search('botnet');
        expect(ids(botnet)).not.toContain('restricted-minutes');
        expect(botnet.totalCount).toBe(3);
        const all = await search('', { first: 100 });
        expect(ids(all)).not.toContain('restricted-minutes');
        for (const r of [botnet, all]) {
          expect(r.facets.types.map((f) => f.value)).not.toContain('MINUTES');
          expect(r.facets.economies.map((f) => f.value)).not.toContain('RUS');
          expect(r.facets.meetings.map((f) => f.value)).not.toContain('TEL39');
          expect(r.facets.years.map((f) => f.value)).not.toContain('2009');
          expect(r.hits.map((h) => h.snippet).join(' ')).not.toContain('zanzibarword');
        }
        expect(ids(await search('網路'))).toEqual(['pki-zh']);
        expect((await search('', { filter: { meetingCodes: ['TEL39'] } })).totalCount).toBe(0);
      });

      it('appear for a caller who may see them', async () => {
        const r = await search('zanzibarword', { includeRestricted: true });
        expect(ids(r)).toEqual(['restricted-minutes']);
        expect(r.facets.types).toEqual([{ value: 'MINUTES', count: 1 }]);
        expect((await search('botnet', { includeRestricted: true })).totalCount).toBe(4);
      });
    });

    describe('snippets', () => {
      it('mark the matched words and escape everything else', async () => {
        const r = await search('botnet', { filter: { meetingCodes: ['TEL38'] } });
        const snippet = r.hits[0].snippet;
        expect(snippet).toContain('<mark>botnet</mark>');
        expect(snippet).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
        expect(snippet).toContain('&amp; more');
        expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
      });

      it('show the page where the words are', async () => {
        const r = await search('身分認證');
        expect(ids(r)).toEqual(['cert-zh']);
        expect(r.hits[0]).toMatchObject({ page: 1, revisionId: 'cert-zh-rev0', fileId: 'cert-zh-file' });
        expect(r.hits[0].snippet).toContain('<mark>身分認證</mark>');
      });
    });

    describe('hostile queries', () => {
      it.each(HOSTILE_QUERIES.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : JSON.stringify(q), q]))('never throw: %s', async (_label, q) => {
        const r = await search(q);
        expect(r.totalCount).toBeGreaterThanOrEqual(0);
        expect(Array.isArray(r.hits)).toBe(true);
        const r2 = await search(q, { includeRestricted: true, filter: { meetingCodes: [q], economies: [q], years: [2008] } });
        expect(r2.totalCount).toBeGreaterThanOrEqual(0);
      });

      it('still find what the readable part asks for', async () => {
        expect(ids(await search('"botnet')).sort()).toEqual(['body-only', 'botnet-report', 'script-chunk']);
        expect(ids(await search('(botnet*)')).sort()).toEqual(['body-only', 'botnet-report', 'script-chunk']);
      });
    });

    describe('pagination', () => {
      it('walks all matches with first/after, each once, in newest-first order for an empty query', async () => {
        const seen: string[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 10; guard++) {
          const r: SearchResult = await search('pagingword', { first: 2, after });
          expect(r.totalCount).toBe(5);
          seen.push(...ids(r));
          if (!r.pageInfo.hasNextPage) break;
          after = r.pageInfo.endCursor;
        }
        expect(seen.sort()).toEqual(['paging-0', 'paging-1', 'paging-2', 'paging-3', 'paging-4']);
        const newest = await search('', { filter: { meetingCodes: ['TEL36'] }, first: 2 });
        expect(ids(newest)).toEqual(['paging-4', 'paging-3']);
        const next = await search('', { filter: { meetingCodes: ['TEL36'] }, first: 2, after: newest.pageInfo.endCursor });
        expect(ids(next)).toEqual(['paging-2', 'paging-1']);
      });

      it('refuses a page size over the maximum and a cursor it did not give out', async () => {
        await expect(search('botnet', { first: 100_000 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
        await expect(search('botnet', { after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      });
    });

    describe('writes', () => {
      const base = doc('rewrite', { title: 'Rewritten paper', meetingCode: 'TEL40', year: 2009 }, ['The oldversionword text.']);

      it('replaces the old chunks of a file when it is indexed again', async () => {
        await index.upsertDocumentChunks(base.meta, base.chunks);
        expect(ids(await search('oldversionword'))).toEqual(['rewrite']);
        await index.upsertDocumentChunks({ ...base.meta, title: 'Rewritten paper, second version' }, [
          { page: 1, section: null, text: 'The newversionword text.', language: 'en' },
          { page: 2, section: null, text: 'A second page.', language: 'en' },
        ]);
        expect((await search('oldversionword')).totalCount).toBe(0);
        const r = await search('newversionword');
        expect(ids(r)).toEqual(['rewrite']);
        expect(r.hits[0].page).toBe(1);
        expect((await search('', { filter: { meetingCodes: ['TEL40'] } })).totalCount).toBe(1);
      });

      it('changes access for every file of a document at once', async () => {
        await index.setDocumentAccess('rewrite', 'RESTRICTED');
        expect((await search('newversionword')).totalCount).toBe(0);
        expect((await search('newversionword', { includeRestricted: true })).totalCount).toBe(1);
        await index.setDocumentAccess('rewrite', 'PUBLIC');
        expect((await search('newversionword')).totalCount).toBe(1);
      });

      it('removes a file, and a document with all its files', async () => {
        await index.removeFile('bilingual-zh');
        expect(ids(await search('惡意軟體'))).toEqual([]);
        expect(ids(await search('malware'))).toEqual(['bilingual']);
        await index.removeDocument('rewrite');
        expect((await search('newversionword', { includeRestricted: true })).totalCount).toBe(0);
        await index.removeFile('no-such-file');
        await index.removeDocument('no-such-document');
      });

      it('writes a batch as if its files came one after the other: a file again replaces it, the last of two entries wins', async () => {
        // Files of many documents (spread over the SQLite engine's id buckets), one already indexed.
        const batch = Array.from({ length: 40 }, (_, i) => doc(`batch-${i}`, { meetingCode: 'TEL41' }, [`Batchword number${i} text.`]));
        await index.upsertMany(batch.slice(0, 5));
        const again = { ...batch[3], chunks: [{ page: 1, section: null, text: 'Batchword replacedthree text.', language: 'en' as const }] };
        const twiceFirst = { ...batch[7], chunks: [{ page: 1, section: null, text: 'Batchword earlierseven text.', language: 'en' as const }] };
        await index.upsertMany([...batch.slice(5, 7), twiceFirst, ...batch.slice(8), again, batch[7]]);
        expect((await search('batchword', { first: 50 })).totalCount).toBe(40);
        expect((await search('', { filter: { meetingCodes: ['TEL41'] }, first: 50 })).totalCount).toBe(40);
        expect(ids(await search('replacedthree'))).toEqual(['batch-3']);
        expect((await search('number3')).totalCount).toBe(0);
        expect((await search('earlierseven')).totalCount).toBe(0);
        expect(ids(await search('number7'))).toEqual(['batch-7']);
        for (const i of [0, 20, 39]) expect(ids(await search(`number${i}`))).toEqual([`batch-${i}`]);
        for (const f of batch) await index.removeDocument(f.meta.documentId);
        expect((await search('batchword')).totalCount).toBe(0);
      });

      it('reports what it holds', async () => {
        const stats = await index.stats();
        expect(stats.engine).toBe(index.engine);
        expect(stats.documents).toBe(new Set(CONTRACT_FIXTURES.map((f) => f.meta.documentId)).size);
        expect(stats.files).toBe(CONTRACT_FIXTURES.length - 1);
        const listed = await index.listFileIds();
        expect(listed).toHaveLength(stats.files);
        expect(listed).toEqual([...listed].sort());
        expect(listed).not.toContain('no-such-file');
        expect(new Set(listed).size).toBe(listed.length);
      });
    });

    // Last: it adds 1,051 files (the stats above count the fixtures alone).
    describe('ranking at scale', () => {
      const newer = (n: number) =>
        doc(`roaming-${n}`, { title: `Meeting note ${n}`, publishedAt: new Date(Date.UTC(2015, 0, 1) + n * 3_600_000).toISOString() }, [
          `Item ${n}: the chair thanked the members, and the roaming item was carried over to the next plenary with the other open items of the agenda.`,
        ]);
      const old = doc('roaming-study', { title: 'A study for economies', publishedAt: '1999-05-01T00:00:00.000Z', year: 1999 }, [
        'International roaming: roaming charges, roaming agreements between operators, roaming fraud, and how roaming prices fall when roaming is regulated.',
      ]);

      beforeAll(async () => {
        await index.upsertMany([old]);
        // Over 1,000 newer files that mention the word once, in the body: more than any cut-off to the newest matches keeps.
        for (let from = 0; from < 1050; from += 150) await index.upsertMany(Array.from({ length: 150 }, (_, i) => newer(from + i)));
      }, 120_000);

      it('ranks an old paper about a common word first, over every newer file that mentions it once', async () => {
        const r = await search('roaming', { first: 10 });
        expect(r.totalCountIsEstimate || r.totalCount === 1051).toBe(true);
        expect(r.hits).toHaveLength(10);
        // Meilisearch ranks by its rules (words, typo, proximity, attribute, exactness), not by how often a word occurs.
        if (index.engine !== 'meilisearch') expect(r.hits[0].documentId).toBe('roaming-study');
        const second = await search('roaming', { first: 10, after: r.pageInfo.endCursor });
        expect(ids(second)).not.toContain('roaming-study');
        expect(second.hits).toHaveLength(10);
      });
    });
  });
}
