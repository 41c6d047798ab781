import { FileKind, kindForName } from './file-kind';

describe('kindForName', () => {
  it.each<[FileKind, string | null, FileKind]>([
    [FileKind.PDF, 'pdf', FileKind.PDF],
    [FileKind.DOC, 'doc', FileKind.DOC],
    [FileKind.DOCX, 'docx', FileKind.DOCX],
    [FileKind.PPTX, 'pptx', FileKind.PPTX],
    [FileKind.XLSX, 'xlsx', FileKind.XLSX],
    [FileKind.RTF, 'rtf', FileKind.RTF],
    [FileKind.TXT, 'txt', FileKind.TXT],
    [FileKind.HTML, 'htm', FileKind.HTML],
    [FileKind.HTML, 'txt', FileKind.TXT], // an HTML page named .txt is served as text
    [FileKind.TXT, 'html', FileKind.HTML], // text named .html is served as HTML (as an attachment)
    [FileKind.PDF, null, FileKind.PDF], // no extension: the content decides
  ])('%s content named .%s is %s', (sniffed, extension, kind) => {
    expect(kindForName(sniffed, extension)).toEqual({ ok: true, kind, extension });
  });

  it.each<[FileKind, string, RegExp]>([
    [FileKind.DOCX, 'pdf', /named as a PDF document \(\.pdf\) but its content is a Word document/],
    [FileKind.PDF, 'doc', /named as a Word 97–2003 document/],
    [FileKind.RTF, 'doc', /content is a Rich Text Format/],
    [FileKind.TXT, 'pdf', /content is a plain text/],
    [FileKind.PDF, 'exe', /\.exe, which is not an accepted type/],
    [FileKind.TXT, 'js', /\.js, which is not an accepted type; its content is a plain text \(\.txt\)/],
  ])('%s content named .%s is refused', (sniffed, extension, reason) => {
    const result = kindForName(sniffed, extension);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
