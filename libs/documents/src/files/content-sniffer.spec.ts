import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from '@jest/globals';
import { ole2, samples, zip } from '../testing/sample-files';
import { bufferSource, probeText, sniffContent, SniffResult, TextProbe, zipEntryNames } from './content-sniffer';
import { FileKind } from './file-kind';
import { writeMinimalPdf } from './minimal-pdf';

const sniff = (buffer: Buffer): Promise<SniffResult> => sniffContent(bufferSource(buffer), probeText(buffer));
const fixture = (name: string): Buffer => fs.readFileSync(path.join(__dirname, '../../../search/src/extraction/fixtures', name));

describe('sniffContent', () => {
  it.each<[string, Buffer, FileKind]>([
    ['a PDF', samples.pdf(), FileKind.PDF],
    ['a multi-page PDF', writeMinimalPdf({ title: 'Long', paragraphs: Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of a long paper.`) }), FileKind.PDF],
    ['a DOCX', samples.docx(), FileKind.DOCX],
    ['a PPTX', samples.pptx(), FileKind.PPTX],
    ['an XLSX', samples.xlsx(), FileKind.XLSX],
    ['a Word 97 DOC', samples.doc(), FileKind.DOC],
    ['an RTF', samples.rtf(), FileKind.RTF],
    ['an OpenDocument text', fixture('sample.odt'), FileKind.ODT],
    ['an OpenDocument presentation', fixture('sample.odp'), FileKind.ODP],
    ['an OpenDocument spreadsheet', fixture('sample.ods'), FileKind.ODS],
    ['HTML with a doctype', samples.html(), FileKind.HTML],
    ['HTML after a BOM and blank lines', Buffer.from('\ufeff\n\n  <HTML lang="zh"><body>網頁</body></HTML>', 'utf8'), FileKind.HTML],
    ['lower-case doctype', Buffer.from('<!doctype html><p>x</p>'), FileKind.HTML],
    ['English text', samples.txt(), FileKind.TXT],
    ['Chinese text', Buffer.from('電信暨資訊工作小組第三十七次會議\n', 'utf8'), FileKind.TXT],
    ['text mentioning <html> later', Buffer.from('Notes: the page starts with <html>'), FileKind.TXT],
    ['an HTML fragment (no <html>) is text', Buffer.from('<p>hello</p>'), FileKind.TXT],
  ])('recognizes %s', async (_label, buffer, kind) => {
    expect(await sniff(buffer)).toMatchObject({ ok: true, kind });
  });

  it.each<[string, Buffer, string | undefined]>([
    ['UTF-8 text', Buffer.from('電信暨資訊工作小組\n', 'utf8'), 'utf-8'],
    ['UTF-16 LE text', Buffer.from('\ufeff電信暨資訊工作小組', 'utf16le'), 'utf-16le'],
    [
      'Big5 text',
      Buffer.from(new Uint8Array([0xb9, 0x71, 0xab, 0x48, 0xac, 0x4a, 0xb8, 0xea, 0xb0, 0x54, 0xa4, 0x75, 0xa7, 0x40, 0xa4, 0x70, 0xb2, 0xd5, 0xaa, 0xba, 0xb3, 0xf8, 0xa7, 0x69])),
      'big5',
    ],
    ['a PDF (no charset)', samples.pdf(), undefined],
  ])('says which charset %s is in, so it is stored and served with it', async (_label, buffer, charset) => {
    const result = await sniff(buffer);
    expect(result.ok && result.charset).toBe(charset ?? undefined);
  });

  it('refuses an OpenDocument package of a type it does not read, naming the type', async () => {
    const odt = Buffer.from(fixture('sample.odt'));
    const at = odt.indexOf('application/vnd.oasis.opendocument.text', 0, 'latin1');
    odt.write('application/vnd.oasis.opendocument.xxxx', at, 'latin1'); // same length: a drawing, say
    const result = await sniff(odt);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/OpenDocument file of a type we do not read \(application\/vnd\.oasis\.opendocument\.xxxx\)/);
  });

  it.each<[string, Buffer, RegExp]>([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['an EXE', samples.exe(), /Windows executable/],
    ['an ELF binary', Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(60)]), /ELF executable/],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /PNG image/],
    ['a plain ZIP', samples.plainZip(), /ZIP archive, not a Word/],
    ['a macro-enabled package', samples.macroDocx(), /macros/],
    ['an OLE2 Excel 97 file', samples.xls(), /Excel 97–2003 workbook \(\.xls\), which cannot be searched; save it as XLSX/],
    ['a truncated ZIP', samples.docx().subarray(0, 40), /cannot be read/],
    ['a truncated OLE2', samples.doc().subarray(0, 600), /damaged/],
    ['UTF-16 with a BOM but an odd byte at the end', Buffer.concat([Buffer.from('\ufeffhello', 'utf16le'), Buffer.from([0x41])]), /not valid UTF-16/],
    ['bytes that are no text in any accepted encoding', Buffer.from([0x80, 0xff, 0x81, 0xfe, 0x90]), /not a recognized document format/],
    ['text with a NUL', Buffer.from('abc\0def'), /not a recognized/],
  ])('refuses %s', async (_label, buffer, reason) => {
    const result = await sniff(buffer);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('finds the WordDocument stream in a directory that spans several sectors', async () => {
    const streams = ['Data', 'CompObj', 'SummaryInformation', 'DocumentSummaryInformation', 'ObjectPool', 'WordDocument'];
    // four 128-byte entries per sector: the stream is in the second directory sector, reached through the FAT
    const base = ole2(streams.slice(0, 3));
    const second = ole2(streams.slice(3)).subarray(1024, 1536);
    const fat = Buffer.from(base.subarray(512, 1024));
    fat.writeUInt32LE(2, 4); // directory: sector 1 → sector 2
    fat.writeUInt32LE(0xfffffffe, 8);
    const file = Buffer.concat([base.subarray(0, 512), fat, base.subarray(1024, 1536), second]);
    expect(await sniff(file)).toEqual({ ok: true, kind: FileKind.DOC });
  });

  it('refuses an OLE2 file whose directory chain loops', async () => {
    const file = Buffer.from(samples.xls());
    file.writeUInt32LE(1, 512 + 4); // the directory sector points to itself
    expect(await sniff(file)).toEqual({ ok: false, reason: expect.stringMatching(/damaged/) });
  });

  it('reads ZIP entry names from the central directory, even after a trailing comment', async () => {
    const archive = zip({ 'a.txt': 'a', 'word/document.xml': '<x/>' });
    const withComment = Buffer.concat([archive, Buffer.from('comment')]);
    withComment.writeUInt16LE(7, archive.length - 2);
    expect(await zipEntryNames(bufferSource(withComment))).toEqual(['a.txt', 'word/document.xml']);
  });
});

describe('TextProbe', () => {
  it('accepts UTF-8 split anywhere across chunks', () => {
    const bytes = Buffer.from('電信 and 資訊', 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const probe = new TextProbe();
      probe.push(bytes.subarray(0, cut));
      probe.push(bytes.subarray(cut));
      expect(probe.finish()).toEqual({ utf8: true, encoding: 'utf-8' });
    }
  });

  it.each([
    ['a lone continuation byte', Buffer.from([0x61, 0x80])],
    ['a truncated sequence at the end', Buffer.from('電', 'utf8').subarray(0, 2)],
    ['an overlong encoding', Buffer.from([0xc0, 0xaf])],
    ['a NUL', Buffer.from([0x61, 0x00, 0x62])],
  ])('refuses %s', (_label, bytes) => {
    expect(probeText(bytes).utf8).toBe(false);
  });
});

describe('text in other encodings', () => {
  const cases: [string, Buffer, string][] = [
    ['UTF-16 LE with a BOM', Buffer.from('\ufeff電信暨資訊工作小組', 'utf16le'), 'utf-16le'],
    ['UTF-16 BE with a BOM', Buffer.from('\ufeff電信暨資訊工作小組', 'utf16le').swap16(), 'utf-16be'],
    [
      'Big5',
      Buffer.from(new Uint8Array([0xb9, 0x71, 0xab, 0x48, 0xac, 0x4a, 0xb8, 0xea, 0xb0, 0x54, 0xa4, 0x75, 0xa7, 0x40, 0xa4, 0x70, 0xb2, 0xd5, 0xaa, 0xba, 0xb3, 0xf8, 0xa7, 0x69])),
      'big5',
    ],
    [
      'GB18030',
      Buffer.from(new Uint8Array([0xb5, 0xe7, 0xd0, 0xc5, 0xd3, 0xeb, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xe9, 0xb5, 0xc4, 0xb1, 0xa8, 0xb8, 0xe6])),
      'gb18030',
    ],
    ['Shift_JIS', Buffer.from(new Uint8Array([0x82, 0xb1, 0x82, 0xea, 0x82, 0xcd, 0x95, 0xf1, 0x8d, 0x90, 0x82, 0xc5, 0x82, 0xb7])), 'shift_jis'],
  ];
  it.each(cases)('accepts %s as text and says which encoding it is', async (_label, bytes, encoding) => {
    const verdict = probeText(bytes);
    expect(verdict.encoding).toBe(encoding);
    expect(await sniffContent(bufferSource(bytes), verdict)).toEqual({ ok: true, kind: FileKind.TXT, charset: encoding });
  });

  it('finds the encoding however the content is cut into chunks', () => {
    const bytes = cases[2][1];
    for (let cut = 0; cut <= bytes.length; cut++) {
      const probe = new TextProbe();
      probe.push(bytes.subarray(0, cut));
      probe.push(bytes.subarray(cut));
      expect(probe.finish().encoding).toBe('big5');
    }
  });

  it('still refuses a known binary that happens to decode as a legacy encoding', async () => {
    const exe = Buffer.from('MZ\x90\x01\x03\x04', 'latin1');
    expect(await sniffContent(bufferSource(exe), probeText(exe))).toMatchObject({ ok: false });
  });
});
