import { ole2, samples, zip } from '../testing/sample-files';
import { bufferSource, probeText, sniffContent, SniffResult, TextProbe, zipEntryNames } from './content-sniffer';
import { FileKind } from './file-kind';
import { writeMinimalPdf } from './minimal-pdf';

const sniff = (buffer: Buffer): Promise<SniffResult> => sniffContent(bufferSource(buffer), probeText(buffer));

describe('sniffContent', () => {
  it.each<[string, Buffer, FileKind]>([
    ['a PDF', samples.pdf(), FileKind.PDF],
    ['a multi-page PDF', writeMinimalPdf({ title: 'Long', paragraphs: Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of a long paper.`) }), FileKind.PDF],
    ['a DOCX', samples.docx(), FileKind.DOCX],
    ['a PPTX', samples.pptx(), FileKind.PPTX],
    ['an XLSX', samples.xlsx(), FileKind.XLSX],
    ['a Word 97 DOC', samples.doc(), FileKind.DOC],
    ['an RTF', samples.rtf(), FileKind.RTF],
    ['HTML with a doctype', samples.html(), FileKind.HTML],
    ['HTML after a BOM and blank lines', Buffer.from('\ufeff\n\n  <HTML lang="zh"><body>網頁</body></HTML>', 'utf8'), FileKind.HTML],
    ['lower-case doctype', Buffer.from('<!doctype html><p>x</p>'), FileKind.HTML],
    ['English text', samples.txt(), FileKind.TXT],
    ['Chinese text', Buffer.from('電信暨資訊工作小組第三十七次會議\n', 'utf8'), FileKind.TXT],
    ['text mentioning <html> later', Buffer.from('Notes: the page starts with <html>'), FileKind.TXT],
    ['an HTML fragment (no <html>) is text', Buffer.from('<p>hello</p>'), FileKind.TXT],
  ])('recognizes %s', async (_label, buffer, kind) => {
    expect(await sniff(buffer)).toEqual({ ok: true, kind });
  });

  it.each<[string, Buffer, RegExp]>([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['an EXE', samples.exe(), /Windows executable/],
    ['an ELF binary', Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(60)]), /ELF executable/],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /PNG image/],
    ['a plain ZIP', samples.plainZip(), /ZIP archive, not a Word/],
    ['a macro-enabled package', samples.macroDocx(), /macros/],
    ['an OLE2 Excel 97 file', samples.xls(), /not a Word document/],
    ['a truncated ZIP', samples.docx().subarray(0, 40), /cannot be read/],
    ['a truncated OLE2', samples.doc().subarray(0, 600), /damaged/],
    ['UTF-16 text', Buffer.from('\ufeffhello', 'utf16le'), /UTF-16/],
    ['Big5 text (not UTF-8)', Buffer.from([0xb9, 0x71, 0xab, 0x48]), /not a recognized document format/],
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
      expect(probe.finish()).toEqual({ utf8: true });
    }
  });

  it.each([
    ['a lone continuation byte', Buffer.from([0x61, 0x80])],
    ['a truncated sequence at the end', Buffer.from('電', 'utf8').subarray(0, 2)],
    ['an overlong encoding', Buffer.from([0xc0, 0xaf])],
    ['a NUL', Buffer.from([0x61, 0x00, 0x62])],
  ])('refuses %s', (_label, bytes) => {
    expect(probeText(bytes)).toEqual({ utf8: false });
  });
});
