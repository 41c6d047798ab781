/**
 * What a hit stands for, on the SQLite index: the best page, the newest matching revision, the
 * title boost that never buries a paper about the words, the query syntax, regional forms, and
 * an old index version being rebuilt.
 */
import BetterSqlite3 from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExtractedChunk } from '../extraction/extraction.types';
import type { DocumentMeta } from './search-index';
import { SqliteSearchIndex } from './sqlite/sqlite-search-index';

const meta = (id: string, over: Partial<DocumentMeta> = {}): DocumentMeta => ({
  documentId: id,
  revisionId: `${id}-rev0`,
  fileId: `${id}-file0`,
  symbol: `2009-TELWG39-SPSG-${id}`,
  title: `Paper ${id}`,
  meetingCode: 'TEL39',
  groupCode: 'SPSG',
  economyCodes: [],
  type: 'REPORT',
  year: 2009,
  language: 'en',
  access: 'PUBLIC',
  publishedAt: '2009-04-01T00:00:00.000Z',
  ...over,
});
const pages = (...texts: string[]): ExtractedChunk[] => texts.map((text, i) => ({ page: i + 1, section: null, text, language: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en' }));

describe('SqliteSearchIndex hits', () => {
  let dir: string;
  let index: SqliteSearchIndex;
  const search = (query: string) => index.search({ query, includeRestricted: false, first: 20 });
  const ids = async (query: string) => (await search(query)).hits.map((h) => h.documentId);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-hits-'));
    index = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'));
    await index.upsertMany([
      // The best page is page 3: both words, close together; page 1 has one word, page 2 both far apart.
      {
        meta: meta('best-page'),
        chunks: pages(
          'Spam is mentioned here once.',
          `Spam ${'unrelated filler text. '.repeat(30)} filtering appears far away.`,
          'Spam filtering at the gateway: spam filtering rules, spam filtering logs.',
          'Closing remarks.',
        ),
      },
      // Two revisions with the same text: the hit points at the newer one.
      {
        meta: meta('revised', { revisionId: 'revised-rev0', fileId: 'revised-file0', publishedAt: '2009-01-01T00:00:00.000Z' }),
        chunks: pages('Numbat survey of operators. Only in the first draft: bilbyword.'),
      },
      { meta: meta('revised', { revisionId: 'revised-rev1', fileId: 'revised-file1', publishedAt: '2009-06-01T00:00:00.000Z' }), chunks: pages('Numbat survey of operators.') },
      // Title boost: "Quoll" in the title alone must not beat a body about quoll monitoring.
      { meta: meta('title-once', { title: 'Quoll' }), chunks: pages('An annex mentions monitoring once.') },
      { meta: meta('body-many'), chunks: pages('Quoll monitoring: quoll monitoring stations, quoll monitoring data, quoll monitoring budget.') },
      { meta: meta('guide', { title: 'Dingo Guide' }), chunks: pages('A guide to dingo takedowns.') },
      { meta: meta('dingo-plain'), chunks: pages('The dingoes were counted; a dingo census.') },
      { meta: meta('malware'), chunks: pages('Malware analysis in the region.') },
      { meta: meta('tw', { language: 'zh' }), chunks: pages('依據McAfee報告，網路犯罪與軟體盜版持續增加。') },
      { meta: meta('cn', { language: 'zh' }), chunks: pages('信息安全与网络认证的合作。') },
      { meta: meta('vendor-page', { language: 'zh' }), chunks: pages('封面與目錄。', '依據Fortinet 2008報告指出，行動安全威脅增加。') },
    ]);
  });
  afterAll(async () => {
    await index.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the page with the most, and closest, matches', async () => {
    const r = await search('spam filtering');
    expect(r.hits[0]).toMatchObject({ documentId: 'best-page', page: 3 });
    expect(r.hits[0].snippet).toContain('<mark>Spam</mark> <mark>filtering</mark>');
    expect((await search('"spam filtering"')).hits[0].snippet).toContain('<mark>Spam filtering</mark>');
  });

  it('points a hit at the newest revision that matches; an older one only when it alone matches', async () => {
    expect((await search('numbat')).hits).toEqual([expect.objectContaining({ documentId: 'revised', revisionId: 'revised-rev1', fileId: 'revised-file1' })]);
    expect((await search('bilbyword')).hits).toEqual([expect.objectContaining({ documentId: 'revised', revisionId: 'revised-rev0' })]);
  });

  it('lets a title lift a paper only when it matches the whole query', async () => {
    expect(await ids('quoll monitoring')).toEqual(['body-many', 'title-once']);
    expect((await ids('quoll'))[0]).toBe('title-once');
  });

  it('reads OR, -word, "phrases" and word* as written', async () => {
    expect((await ids('dingo OR malware')).sort()).toEqual(['dingo-plain', 'guide', 'malware']);
    expect(await ids('dingo -guide')).toEqual(['dingo-plain']);
    expect(await ids('dingo -"dingo guide"')).toEqual(['dingo-plain']);
    expect(await ids('"dingo census"')).toEqual(['dingo-plain']);
    expect(await ids('"census dingo"')).toEqual([]);
    expect((await ids('takedow*')).sort()).toEqual(['guide']);
  });

  it('matches English inflections, exact forms first', async () => {
    expect((await ids('dingoes')).sort()).toEqual(['dingo-plain', 'guide']);
    expect((await ids('dingoes'))[0]).toBe('dingo-plain');
  });

  it('finds either Chinese script and the regional word, and marks English inside Chinese', async () => {
    expect(await ids('网络犯罪')).toEqual(['tw']);
    expect(await ids('软件')).toEqual(['tw']);
    expect(await ids('網路認證')).toEqual(['cn']);
    expect(await ids('資訊安全')).toEqual(['cn']);
    const r = await search('mcafee');
    expect(r.hits[0].snippet).toContain('依據<mark>McAfee</mark>報告');
    // On a later page, right after Chinese: that page is shown, and the word marked.
    const v = await search('fortinet');
    expect(v.hits[0]).toMatchObject({ documentId: 'vendor-page', page: 2 });
    expect(v.hits[0].snippet).toContain('依據<mark>Fortinet</mark> 2008');
  });
});

describe('SqliteSearchIndex versions', () => {
  it('empties an index of an older version on open and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-version-'));
    const file = path.join(dir, 'search.sqlite');
    const first = SqliteSearchIndex.openFile(file);
    expect(first.rebuilt).toBe(false);
    await first.upsertDocumentChunks(meta('old'), pages('Wombat.'));
    await first.close();
    const db = new BetterSqlite3(file);
    db.prepare("UPDATE search_meta SET value = '3' WHERE key = 'schema_version'").run();
    db.close();
    const reopened = SqliteSearchIndex.openFile(file);
    expect(reopened.rebuilt).toBe(true);
    expect((await reopened.stats()).files).toBe(0);
    await reopened.close();
    const again = SqliteSearchIndex.openFile(file);
    expect(again.rebuilt).toBe(false);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
