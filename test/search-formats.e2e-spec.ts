/**
 * What a working group's archive holds, uploaded through the API and found by searchDocuments:
 * Word 97–2003, RTF, PowerPoint, Excel, Big5 text, a PDF whose Chinese word is broken by a line
 * end; Chinese in the other script and its regional form; the query syntax; the empty query.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Role } from '@tel/core';
import { createTestApp, TestApp, tokenFor } from '@tel/testing';
import { makeImagePdf, makePdf } from '../libs/search/src/extraction/extraction.fixtures';

const FIXTURES = path.resolve(__dirname, '../libs/search/src/extraction/fixtures');

const HAS_OCR = spawnSync('tesseract', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;

/** A page of our own text, rendered to an image and put in a PDF with no text layer. */
function scannedPdf(lines: string[]): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-scan-'));
  fs.writeFileSync(path.join(dir, 'text.pdf'), makePdf([{ lines }]));
  execFileSync('pdftoppm', ['-r', '150', '-singlefile', '-jpeg', path.join(dir, 'text.pdf'), path.join(dir, 'scan')]);
  const jpeg = fs.readFileSync(path.join(dir, 'scan.jpg'));
  fs.rmSync(dir, { recursive: true, force: true });
  return makeImagePdf(jpeg, 1275, 1650);
}

const SEARCH = `query($q: String!, $first: Int) {
  searchDocuments(query: $q, first: $first) {
    totalCount orderedBy
    nodes { document { symbol title } page section snippet file { name indexState indexError } }
  }
}`;

describe('search over every format of the archive (e2e, inline jobs)', () => {
  let t: TestApp;
  let secretariat: string;
  const symbols: Record<string, string> = {};

  const search = async (q: string, first = 20) => {
    const res = await t.gql<{
      searchDocuments: {
        totalCount: number;
        orderedBy: string;
        nodes: { document: { symbol: string }; page: number | null; section: string | null; snippet: string }[];
      };
    }>(SEARCH, { q, first }, secretariat);
    expect(res.errors).toBeUndefined();
    return res.data.searchDocuments;
  };
  const found = async (q: string) => (await search(q)).nodes.map((n) => n.document.symbol);
  const status = async () => (await t.gql(`{ indexStatus { files { state count } outboxPending } }`, undefined, secretariat)).data.indexStatus;
  const waitForIndexing = async () => {
    for (let i = 0; i < 600; i++) {
      const s = await status();
      if (Number(s.files.find((f) => f.state === 'PENDING').count) === 0 && Number(s.outboxPending) === 0) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('indexing did not finish');
  };
  const register = async (title: string) => {
    const res = await t.gql(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
      { input: { meetingCode: 'TEL37', groupCode: 'SPSG', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', code: 'INFO', title } },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
    return res.data.registerDocument.symbol as string;
  };
  const upload = async (symbol: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretariat}` },
      body: form,
    });
    expect([name, res.status, res.status === 201 ? '' : await res.text()]).toEqual([name, 201, '']);
    return (await res.json()) as { id: string; kind: string; contentType: string };
  };
  const uploaded: Record<string, { id: string; kind: string; contentType: string }> = {};

  const big5 = Buffer.from(
    // "APEC TEL quokkabig5 報告：殭屍網路防制與網路安全" in Big5, written byte by byte (no encoder in Node).
    new Uint8Array([
      ...Buffer.from('APEC TEL quokkabig5 ', 'latin1'),
      0xb3,
      0xf8,
      0xa7,
      0x69,
      0xa1,
      0x47,
      0xed,
      0x4c,
      0xab,
      0xcd,
      0xba,
      0xf4,
      0xb8,
      0xf4,
      0xa8,
      0xbe,
      0xa8,
      0xee,
      0xbb,
      0x50,
      0xba,
      0xf4,
      0xb8,
      0xf4,
      0xa6,
      0x77,
      0xa5,
      0xfe,
      0x0a,
    ]),
  );

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    await waitForIndexing();
    const files: [string, string, Buffer][] = [
      ['doc', 'Honeynet pilot (Word 97)', fs.readFileSync(path.join(FIXTURES, 'sample.doc'))],
      ['rtf', 'Honeynet pilot (RTF)', fs.readFileSync(path.join(FIXTURES, 'sample.rtf'))],
      ['pptx', 'Spam survey slides', fs.readFileSync(path.join(FIXTURES, 'sample.pptx'))],
      ['xlsx', 'Workshop budget', fs.readFileSync(path.join(FIXTURES, 'sample.xlsx'))],
      ['txt', 'Big5 notes', big5],
      [
        'pdf',
        'Scanned-era PDF with broken lines',
        makePdf([
          { lines: ['Cover page', 'wallabysplit overview'] },
          { lines: ['wallabysplit details'], cjk: { text: '本報告說明軟體漏洞與殭屍網\n路的關聯', encoding: 'UniCNS-UCS2-H' } },
        ]),
      ],
    ];
    if (HAS_OCR) files.push(['scan.pdf', 'Signed letter (scanned)', scannedPdf(['SIGNED LETTER OF SUPPORT', 'The potoroo registry endorses the proposal.'])]);
    else process.stdout.write('OCR search test left out: tesseract or pdftoppm is not installed\n');
    for (const [ext, title, bytes] of files) {
      symbols[ext] = await register(title);
      uploaded[ext] = await upload(symbols[ext], bytes, ext.includes('.') ? ext : `sample.${ext}`);
    }
    await waitForIndexing();
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('makes a .doc, an .rtf, a .pptx, an .xlsx and a Big5 text file searchable', async () => {
    expect(await found('fourteen botnets sensor')).toEqual(expect.arrayContaining([symbols.doc, symbols.rtf]));
    expect(await found('觀測站')).toEqual(expect.arrayContaining([symbols.doc, symbols.rtf]));
    const slides = await search('outbound port blocking');
    expect(slides.nodes.map((n) => [n.document.symbol, n.page])).toEqual([[symbols.pptx, 2]]);
    expect(await found('interpreter fees')).toEqual([symbols.xlsx]);
    expect(await found('quokkabig5')).toEqual([symbols.txt]);
    expect(await found('殭屍網路防制')).toEqual([symbols.txt]);
  });

  it('finds a Chinese word split across a PDF line, on its page, with no space in the snippet', async () => {
    const r = await search('殭屍網路的關聯');
    expect(r.nodes.map((n) => [n.document.symbol, n.page])).toEqual([[symbols.pdf, 2]]);
    expect(r.nodes[0].snippet).toContain('<mark>殭屍網路的關聯</mark>');
  });

  it('finds a scanned PDF page by a word on it, as recognised text (when Tesseract is installed)', async () => {
    if (!HAS_OCR) return;
    const r = await search('potoroo registry');
    expect(r.nodes.map((n) => [n.document.symbol, n.page, n.section])).toEqual([[symbols['scan.pdf'], 1, 'Recognised text (OCR)']]);
  });

  it('finds traditional Chinese by a simplified query and regional word forms', async () => {
    // 网络 (mainland) finds 網路 (Taiwan); 软件 finds 軟體; 僵尸网络 finds 殭屍網路.
    expect(await found('网络 quokkabig5')).toEqual([symbols.txt]);
    expect(await found('软件 wallabysplit')).toEqual([symbols.pdf]);
    expect(await found('僵尸网络')).toEqual(expect.arrayContaining([symbols.txt, symbols.pdf, symbols.doc]));
  });

  it('reads OR, -word, phrases and prefixes as written', async () => {
    expect((await found('quokkabig5 OR wallabysplit')).sort()).toEqual([symbols.pdf, symbols.txt].sort());
    expect(await found('wallabysplit -軟體')).toEqual([]);
    expect(await found('quokkabig5 -wallabysplit')).toEqual([symbols.txt]);
    expect(await found('"interpreter fees"')).toEqual([symbols.xlsx]);
    expect(await found('"fees interpreter"')).toEqual([]);
    expect(await found('wallabyspl*')).toEqual([symbols.pdf]);
    // Literal text, never an error.
    for (const q of ['OR', '-', '"', 'a*', '-"', 'botnet OR', '* OR -']) expect((await search(q)).totalCount).toBeGreaterThanOrEqual(0);
  });

  it('stores and serves a Big5 text file with its own charset, so a browser shows it right', async () => {
    expect(uploaded.txt.contentType).toBe('text/plain; charset=big5');
    const res = await fetch(`${t.url}/files/${uploaded.txt.id}`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=big5');
    expect(new TextDecoder('big5').decode(await res.arrayBuffer())).toContain('殭屍網路防制');
  });

  it('says an empty query lists the newest documents', async () => {
    const r = await search('', 3);
    expect(r.orderedBy).toBe('NEWEST');
    expect(r.nodes[0].document.symbol).toBe(HAS_OCR ? symbols['scan.pdf'] : symbols.pdf);
    expect((await search('wallabysplit')).orderedBy).toBe('RELEVANCE');
  });

  // Last: these carry the same text as the DOC, PPTX and XLSX samples, which the exact-hit checks above expect alone, and would be the newest documents.
  it('accepts OpenDocument text, presentations and spreadsheets, and makes them searchable', async () => {
    const odf: Record<string, string> = {};
    for (const [ext, kind, type] of [
      ['odt', 'ODT', 'application/vnd.oasis.opendocument.text'],
      ['odp', 'ODP', 'application/vnd.oasis.opendocument.presentation'],
      ['ods', 'ODS', 'application/vnd.oasis.opendocument.spreadsheet'],
    ]) {
      odf[ext] = await register(`OpenDocument sample (${ext})`);
      const file = await upload(odf[ext], fs.readFileSync(path.join(FIXTURES, `sample.${ext}`)), `sample.${ext}`);
      expect([file.kind, file.contentType]).toEqual([kind, type]);
    }
    await waitForIndexing();
    expect(await found('fourteen botnets sensor')).toEqual(expect.arrayContaining([odf.odt]));
    const slides = await search('outbound port blocking');
    expect(slides.nodes.find((n) => n.document.symbol === odf.odp)?.page).toBe(2);
    expect(await found('interpreter fees')).toEqual(expect.arrayContaining([odf.ods]));
  });
});
