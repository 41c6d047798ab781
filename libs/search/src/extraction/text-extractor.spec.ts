import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from '@jest/globals';
import { parseSearchQuery } from '../text/search-text';
import { SqliteSearchIndex } from '../index/sqlite/sqlite-search-index';
import { CONTENT_TYPES, ExtractionError } from './extraction.types';
import { makeDocx, makeImagePdf, makePdf, makeZip } from './extraction.fixtures';
import { extractorFor, TextExtractor } from './text-extractor';

const REPORT = path.resolve(__dirname, '../../../../../shared/corpus/tel37-trip-report.zh.txt');

describe('TextExtractor', () => {
  let extractor: TextExtractor;
  beforeAll(() => {
    extractor = new TextExtractor({ defaultTimeoutMs: 30_000 });
  });
  afterAll(() => extractor.close());

  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the extraction to fail');
      },
      (e: unknown) => {
        expect(e).toBeInstanceOf(ExtractionError);
        return e as ExtractionError;
      },
    );

  describe('plain text', () => {
    it('reads the TEL37 report (UTF-8, Chinese with English annexes) into sections that find its words', async () => {
      const result = await extractor.extract(REPORT, CONTENT_TYPES.txt);
      expect(result.truncated).toBe(false);
      expect(result.pageCount).toBeNull();
      expect(result.chunks.length).toBeGreaterThan(10);
      for (const c of result.chunks) expect(c.text.length).toBeLessThanOrEqual(4200);
      const all = result.chunks.map((c) => c.text).join('\n');
      for (const word of ['網路', '殭屍網路', '電子認證', 'PKI', 'SPSG']) expect(all).toContain(word);
      const languages = new Set(result.chunks.map((c) => c.language));
      expect(languages.has('zh')).toBe(true);
      expect(languages.has('en')).toBe(true); // the annexes
    });

    it('indexes the report so that its Chinese words are found on their section', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-search-'));
      const index = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'));
      try {
        const { chunks } = await extractor.extract(fs.readFileSync(REPORT), 'text/plain; charset=utf-8');
        await index.upsertDocumentChunks(
          {
            documentId: 'tel37-report',
            revisionId: 'r0',
            fileId: 'f0',
            symbol: '2008-TELWG37-CT-001',
            title: '參加「APEC TEL 第 37 次會議」出國報告',
            meetingCode: 'TEL37',
            groupCode: null,
            economyCodes: ['CT'],
            type: 'REPORT',
            year: 2008,
            language: 'zh',
            access: 'PUBLIC',
            publishedAt: '2008-06-26',
          },
          chunks,
        );
        for (const q of ['殭屍網路', '網路', '電子認證', '認證', 'botnet', '"Security and Prosperity"']) {
          const r = await index.search({ query: q, includeRestricted: false });
          expect(r.totalCount).toBe(1);
          expect(r.hits[0].snippet).toMatch(/<mark>/);
        }
        expect((await index.search({ query: '殭屍網路', includeRestricted: false })).hits[0].snippet).toContain('<mark>殭屍網路</mark>');
        expect((await index.search({ query: '量子電腦', includeRestricted: false })).totalCount).toBe(0);
        expect(parseSearchQuery('量子電腦').terms).toHaveLength(1);
      } finally {
        await index.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it.each([
      ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('電子認證 e-Authentication', 'utf16le')]), '電子認證 e-Authentication'],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('網路 network', 'utf8')]), '網路 network'],
      [
        'Big5 (no BOM, not UTF-8)',
        Buffer.from('a5bbb3f8a769bba1a9faed4cabcdbaf4b8f4a8bea8eebb50b971a46cbb7bc3d2a4a7b1c0b0cab1a1a7cea141a548a4ceb8eab054a677a5fea658a740a143', 'hex'),
        '本報告說明殭屍網路防制與電子認證之推動情形，以及資訊安全合作。',
      ],
      [
        'GB18030 (no BOM, not UTF-8)',
        Buffer.from('b1beb1a8b8e6cbb5c3f7bda9caaccdf8c2e7b7c0d6c6d3ebb5e7d7d3c8cfd6a4d6aecdc6b6afc7e9d0cea3acd2d4bcb0d0c5cfa2b0b2c8abbacfd7f7a1a3', 'hex'),
        '本报告说明僵尸网络防制与电子认证之推动情形，以及信息安全合作。',
      ],
      [
        'Shift_JIS',
        Buffer.from('93fa967b82cc8fee95f1835a834c8385838a8365834291ce8df482c982c282a282c490e096be82b582dc82b78142', 'hex'),
        '日本の情報セキュリティ対策について説明します。',
      ],
    ])('decodes %s', async (_label, bytes, expected) => {
      const { chunks } = await extractor.extract(bytes, 'text/plain');
      expect(chunks.map((c) => c.text).join('')).toBe(expected);
    });

    it('treats form feeds as page breaks', async () => {
      const { chunks, pageCount } = await extractor.extract(Buffer.from('first page\fsecond page\f\fFourth'), 'text/plain');
      expect(pageCount).toBe(4);
      expect(chunks.map((c) => [c.page, c.text])).toEqual([
        [1, 'first page'],
        [2, 'second page'],
        [4, 'Fourth'],
      ]);
    });
  });

  describe('HTML', () => {
    it('drops scripts, styles and comments, decodes entities, and cuts sections at headings', async () => {
      const html = `<!doctype html><html><head><title>TEL37 &amp; SPSG</title><style>p { color: red }</style></head>
        <body><script>var secret = "do not index";</script><!-- a comment -->
        <p>Opening &ldquo;remarks&rdquo; &#x7DB2;&#36335; &lt;b&gt;</p>
        <h2>Botnet workshop</h2><p>China presented the guide.</p><table><tr><td>a</td><td>b</td></tr></table>
        <h2>殭屍網路</h2><p>防制<b>殭屍</b>網路。</p></body></html>`;
      const { chunks } = await extractor.extract(Buffer.from(html), 'text/html; charset=utf-8');
      const text = chunks.map((c) => c.text).join('\n');
      expect(text).not.toContain('do not index');
      expect(text).not.toContain('color');
      expect(text).not.toContain('comment');
      expect(chunks.map((c) => c.section)).toEqual(['TEL37 & SPSG', 'Botnet workshop', '殭屍網路']);
      expect(chunks[0].text).toBe('Opening “remarks” 網路 <b>');
      expect(chunks[1].text).toContain('China presented the guide.');
      expect(chunks[2].text).toContain('防制殭屍網路。');
      expect(chunks[2].language).toBe('zh');
    });

    it('survives hostile markup in one pass', async () => {
      const hostile = (tail: string) => Buffer.from('<p>visible text</p>' + '<a'.repeat(500_000) + '<!--'.repeat(100_000) + tail);
      for (const tail of ['', '<script>'.repeat(1000), '&#'.repeat(100_000)]) {
        const result = await extractor.extract(hostile(tail), 'text/html', { timeoutMs: 20_000 });
        expect(result.chunks[0].text).toMatch(/^visible text/);
      }
    });
  });

  describe('PDF', () => {
    it('gives one chunk per page, with page numbers', async () => {
      const pdf = makePdf([{ lines: ['APEC TEL 37', 'Opening remarks'] }, { lines: [] }, { lines: ['Botnet workshop report'] }]);
      const { chunks, pageCount } = await extractor.extract(pdf, CONTENT_TYPES.pdf);
      expect(pageCount).toBe(3);
      expect(chunks.map((c) => [c.page, c.text, c.language])).toEqual([
        [1, 'APEC TEL 37\nOpening remarks', 'en'],
        [3, 'Botnet workshop report', 'en'],
      ]);
    });

    it('reads Chinese shown in a non-embedded Adobe-GB1 / CNS1 font through the CMaps', async () => {
      const pdf = makePdf([
        { lines: ['Chinese Taipei report'], cjk: { text: '殭屍網路與電子認證', encoding: 'UniGB-UCS2-H' } },
        { cjk: { text: '网络安全', encoding: 'UniGB-UCS2-H' } },
        { cjk: { text: '憑證管理中心', encoding: 'UniCNS-UCS2-H' } },
      ]);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tel-pdf-')), 'zh.pdf');
      fs.writeFileSync(file, pdf);
      const { chunks } = await extractor.extract(file, CONTENT_TYPES.pdf);
      expect(chunks.map((c) => [c.page, c.text.replace(/\s+/g, ''), c.language])).toEqual([
        [1, 'ChineseTaipeireport殭屍網路與電子認證', 'zh'],
        [2, '网络安全', 'zh'],
        [3, '憑證管理中心', 'zh'],
      ]);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });

    it('joins a Chinese word broken by a line end, and an English word hyphenated at one', async () => {
      const pdf = makePdf([{ lines: ['The authenti-', 'cation of e-', 'Commerce'], cjk: { text: '本計畫研究殭屍網\n路的偵測，\n並推動電子認證', encoding: 'UniCNS-UCS2-H' } }]);
      const { chunks } = await extractor.extract(pdf, CONTENT_TYPES.pdf);
      expect(chunks).toHaveLength(1);
      expect(chunks[0].page).toBe(1);
      expect(chunks[0].text).toContain('殭屍網路的偵測，並推動電子認證');
      expect(chunks[0].text).toContain('The authentication of e-\nCommerce');
    });

    it('fails with a reason on a truncated or a fake PDF', async () => {
      const pdf = makePdf([{ lines: ['page one'] }, { lines: ['page two'] }]);
      for (const broken of [pdf.subarray(0, pdf.length / 2), pdf.subarray(0, 40), Buffer.from('not a pdf at all')]) {
        const e = await failure(extractor.extract(broken, CONTENT_TYPES.pdf));
        expect(e.kind).toBe('CORRUPT');
        expect(e.reason).toMatch(/^not a readable PDF: /);
      }
    });

    it('times out, and the next file still gets a worker', async () => {
      const big = makePdf(Array.from({ length: 300 }, (_, i) => ({ lines: [`Page ${i + 1} of a long report`] })));
      const e = await failure(extractor.extract(big, CONTENT_TYPES.pdf, { timeoutMs: 1 }));
      expect(e).toMatchObject({ kind: 'TIMEOUT', reason: 'timed out after 1 ms' });
      const again = await extractor.extract(makePdf([{ lines: ['still working'] }]), CONTENT_TYPES.pdf);
      expect(again.chunks[0].text).toBe('still working');
    });
  });

  describe('DOCX', () => {
    it('names sections after Word headings', async () => {
      const docx = makeDocx([
        { text: 'Progress report', heading: 1 },
        { text: 'The PKI training program trained 24 participants.' },
        { text: '電子認證', heading: 2 },
        { text: '推動電子認證教育訓練。' },
      ]);
      const { chunks } = await extractor.extract(docx, CONTENT_TYPES.docx);
      expect(chunks.map((c) => [c.section, c.language])).toEqual([
        ['Progress report', 'en'],
        ['電子認證', 'zh'],
      ]);
      expect(chunks[0].text).toContain('24 participants');
    });

    it('refuses a zip bomb before inflating it', async () => {
      const bomb = makeDocx([{ text: 'tiny' }], [{ name: 'word/media/zeros.bin', data: Buffer.alloc(60 * 1024 * 1024), deflate: true }]);
      expect(bomb.length).toBeLessThan(200 * 1024);
      const e = await failure(extractor.extract(bomb, CONTENT_TYPES.docx));
      expect(e.kind).toBe('REFUSED');
      expect(e.reason).toMatch(/would expand \d+:1 .*zip bomb/);
    });

    it('refuses an archive that declares an absurd size', async () => {
      const liar = makeDocx([{ text: 'tiny' }], [{ name: 'word/big.xml', data: Buffer.from('x'), declaredSize: 3_000_000_000 }]);
      const e = await failure(extractor.extract(liar, CONTENT_TYPES.docx));
      expect(e.kind).toBe('REFUSED');
      expect(e.reason).toMatch(/declares 2861\.0 MB of content/);
    });

    it('fails with a reason on a ZIP that is no Word document, and on garbage', async () => {
      const notWord = makeZip([{ name: 'hello.txt', data: Buffer.from('hi') }]);
      expect(await failure(extractor.extract(notWord, CONTENT_TYPES.docx))).toMatchObject({ kind: 'CORRUPT', reason: expect.stringContaining('no word/document.xml') });
      expect(await failure(extractor.extract(Buffer.from('PK garbage'), CONTENT_TYPES.docx))).toMatchObject({ kind: 'CORRUPT' });
      const broken = makeDocx([{ text: 'x' }]);
      // Damage the deflated document.xml behind its local header; the directory stays intact.
      let header = broken.indexOf('PK\u0003\u0004');
      while (broken.toString('latin1', header + 30, header + 47) !== 'word/document.xml') header = broken.indexOf('PK\u0003\u0004', header + 4);
      broken.fill(0x41, header + 47, header + 100);
      expect((await failure(extractor.extract(broken, CONTENT_TYPES.docx))).reason).toMatch(/^not a readable DOCX file/);
    });
  });

  describe('scanned PDF pages (OCR)', () => {
    const hasOcr = spawnSync('tesseract', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;

    /** A page of our own text rendered to a greyscale JPEG by pdftoppm, in a PDF with no text layer. */
    function scannedPdf(lines: string[]): Buffer {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-scan-'));
      fs.writeFileSync(path.join(dir, 'text.pdf'), makePdf([{ lines }]));
      execFileSync('pdftoppm', ['-r', '150', '-gray', '-singlefile', '-jpeg', path.join(dir, 'text.pdf'), path.join(dir, 'scan')]);
      const jpeg = fs.readFileSync(path.join(dir, 'scan.jpg'));
      fs.rmSync(dir, { recursive: true, force: true });
      // Letter size at 150 dpi.
      return makeImagePdf(jpeg, 1275, 1650);
    }

    if (!hasOcr) {
      it('says why a PDF without a text layer cannot be searched when OCR is not installed', async () => {
        process.stdout.write('OCR recognition test left out: tesseract or pdftoppm is not installed\n');
        const e = await failure(extractor.extract(makeImagePdf(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 10, 10), CONTENT_TYPES.pdf));
        expect(e.reason).toBe('no text layer; OCR not installed');
      });
      return;
    }

    it('recognises a page without a text layer and marks it as recognised text', async () => {
      const pdf = scannedPdf(['SIGNED LETTER OF SUPPORT', 'The numbat registry endorses the proposal.']);
      const { chunks, pageCount } = await extractor.extract(pdf, CONTENT_TYPES.pdf, { timeoutMs: 120_000 });
      expect(pageCount).toBe(1);
      expect(chunks).toHaveLength(1);
      expect(chunks[0]).toMatchObject({ page: 1, section: 'Recognised text (OCR)' });
      expect(chunks[0].text.toLowerCase()).toContain('numbat registry');
    }, 150_000);

    it('says why when OCR is not installed (or turned off), instead of indexing nothing', async () => {
      const blind = new TextExtractor({ ocrPath: '/nonexistent' });
      const off = new TextExtractor({ ocrMaxPages: 0 });
      try {
        const pdf = makeImagePdf(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 10, 10);
        expect((await failure(blind.extract(pdf, CONTENT_TYPES.pdf))).reason).toBe('no text layer; OCR not installed');
        expect((await failure(off.extract(pdf, CONTENT_TYPES.pdf))).reason).toBe('no text layer; OCR is turned off');
      } finally {
        await blind.close();
        await off.close();
      }
    });
  });

  describe('office formats (samples written by LibreOffice from fixtures/*.fod?)', () => {
    const sample = (ext: string) => fs.readFileSync(path.join(__dirname, 'fixtures', `sample.${ext}`));
    const text = (chunks: { text: string }[]) => chunks.map((c) => c.text).join('\n');

    it.each([
      ['a Word 97–2003 .doc', 'doc', 'application/msword'],
      ['an .rtf', 'rtf', 'application/rtf'],
      ['an OpenDocument .odt', 'odt', 'application/vnd.oasis.opendocument.text'],
    ])('reads %s, Chinese included', async (_label, ext, type) => {
      const { chunks } = await extractor.extract(sample(ext), type);
      expect(text(chunks)).toContain('The pilot recorded fourteen botnets contacting the sensor network');
      expect(text(chunks)).toContain('本計畫的殭屍網路觀測站已在三個網路服務業者部署。');
      expect(text(chunks)).toContain('Member economies are invited');
    });

    it.each([
      ['a .pptx', 'pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['an .odp', 'odp', 'application/vnd.oasis.opendocument.presentation'],
    ])('reads %s with one page per slide', async (_label, ext, type) => {
      const { chunks, pageCount } = await extractor.extract(sample(ext), type);
      expect(pageCount).toBe(2);
      expect(chunks.map((c) => [c.page, c.text])).toEqual([
        [1, 'Spam filtering survey'],
        [2, 'Forty operators answered the questionnaire on outbound port blocking.\n\n電子認證與網路安全'],
      ]);
    });

    it.each([
      ['an .xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['an .ods', 'ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ])('reads %s with a section per sheet', async (_label, ext, type) => {
      const { chunks } = await extractor.extract(sample(ext), type);
      expect(chunks[0].section).toBe('Budget');
      expect(text(chunks)).toContain('Interpreter fees for the cybersecurity workshop');
      expect(text(chunks)).toContain('寬頻普及調查');
    });

    it('reads an RTF written in Big5 (code page 950), with a trail byte that is plain ASCII', async () => {
      const rtf = Buffer.from(
        "{\\rtf1\\ansi\\ansicpg950{\\fonttbl{\\f0\\fcharset136 MingLiU;}}\\f0 \\'ed\\'4c\\'ab\\'cd\\'ba\\'f4\\'b8\\'f4\\'bb\\'50\\'b9\\'71\\'a4\\'6c\\'bb\\'7b\\'c3\\'d2 \\'a4@\\'af\\'eb report\\par}",
        'latin1',
      );
      const { chunks } = await extractor.extract(rtf, 'application/rtf');
      expect(text(chunks)).toBe('殭屍網路與電子認證 一般 report');
    });

    it('refuses an office ZIP that declares an absurd size, as for DOCX', async () => {
      const bomb = makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'ppt/presentation.xml', data: Buffer.alloc(1000), declaredSize: 300 * 1024 * 1024 },
      ]);
      const e = await failure(extractor.extract(bomb, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'));
      expect(e.kind).toBe('REFUSED');
      expect(e.reason).toMatch(/zip bomb/);
    });

    it('fails with a reason on a damaged .doc', async () => {
      const e = await failure(extractor.extract(sample('doc').subarray(0, 1500), 'application/msword'));
      expect(e.kind).toBe('CORRUPT');
    });
  });

  describe('limits', () => {
    it('kills a worker that runs out of memory and keeps taking files', async () => {
      const small = new TextExtractor({ memoryLimitMb: 32 });
      try {
        // Three million paragraphs: their strings and sections need far more than 32 MB of heap.
        const e = await failure(small.extract(Buffer.from('word word\n\n'.repeat(3_000_000)), CONTENT_TYPES.txt));
        expect(e).toMatchObject({ kind: 'OUT_OF_MEMORY', reason: 'ran out of memory (limit 32 MB)' });
        const ok = await small.extract(Buffer.from('after the crash'), CONTENT_TYPES.txt);
        expect(ok.chunks[0].text).toBe('after the crash');
      } finally {
        await small.close();
      }
    });

    it('keeps what fits and says it truncated', async () => {
      const small = new TextExtractor({ maxTextChars: 5000 });
      try {
        const r = await small.extract(Buffer.from('word '.repeat(10_000)), CONTENT_TYPES.txt);
        expect(r.truncated).toBe(true);
        expect(r.chunks.reduce((n, c) => n + c.text.length, 0)).toBeLessThanOrEqual(5000);
      } finally {
        await small.close();
      }
    });

    it('runs queued files one after another without losing any', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => extractor.extract(Buffer.from(`file ${i}`), CONTENT_TYPES.txt)));
      expect(results.map((r) => r.chunks[0].text)).toEqual(Array.from({ length: 12 }, (_, i) => `file ${i}`));
    });

    it('refuses types it cannot read, and sniffs application/octet-stream', async () => {
      expect(await failure(extractor.extract(Buffer.from('x'), 'image/png'))).toMatchObject({ kind: 'UNSUPPORTED_TYPE' });
      expect(await failure(extractor.extract(Buffer.from([0, 1, 2, 3, 0, 0]), 'application/octet-stream'))).toMatchObject({ kind: 'UNSUPPORTED_TYPE' });
      const sniffed = await extractor.extract(makePdf([{ lines: ['sniffed'] }]), 'application/octet-stream');
      expect(sniffed.chunks[0]).toMatchObject({ page: 1, text: 'sniffed' });
    });
  });

  it.each([
    ['application/pdf', 'pdf', null],
    ['TEXT/HTML; charset="Big5"', 'html', 'Big5'],
    ['text/plain;charset=gb18030', 'txt', 'gb18030'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', null],
  ])('reads the content type %s', (type, kind, charset) => {
    expect(extractorFor(type)).toEqual({ kind, charset });
  });
});
