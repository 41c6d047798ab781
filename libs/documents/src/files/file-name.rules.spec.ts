import { extensionOf, MAX_NAME_BYTES, originalFileName, safeFileName, withExtension } from './file-name.rules';

describe('safeFileName', () => {
  it.each<[string, string, string]>([
    ['a plain name', 'report.pdf', 'report.pdf'],
    ['Chinese', '出國報告.txt', '出國報告.txt'],
    ['spaces and brackets', '2008-TELWG37-SPSG-006 [Rev.2].doc', '2008-TELWG37-SPSG-006 [Rev.2].doc'],
    ['unix traversal', '../../etc/passwd', 'passwd'],
    ['windows traversal', '..\\..\\Windows\\system.ini', 'system.ini'],
    ['an absolute windows path', 'C:\\Users\\me\\Desktop\\paper.docx', 'paper.docx'],
    ['only dots', '..', ''],
    ['a trailing slash', 'folder/', ''],
    ['a hidden file', '.htaccess', 'htaccess'],
    ['NUL and controls', 'rep\u0000ort\u0007\u001b.pdf', 'report.pdf'],
    ['C1 controls', 'a\u0085b\u009b.txt', 'ab.txt'],
    ['newlines and tabs', 'line\r\nbreak\tname.txt', 'linebreakname.txt'],
    ['an RTL override (spoofed extension)', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['bidi isolates and marks', '\u2066a\u2069\u200Fb\u061C.pdf', 'ab.pdf'],
    ['zero-width characters and BOM', 're\u200Bport\uFEFF.pdf', 'report.pdf'],
    ['line separators', 'a\u2028b.txt', 'a b.txt'],
    ['characters Windows forbids', 'a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['runs of whitespace', '  many    spaces  .pdf', 'many spaces .pdf'],
    ['trailing dots', 'name.pdf...', 'name.pdf'],
    ['a device name', 'CON.txt', '_CON.txt'],
    ['a device name in lower case', 'lpt1', '_lpt1'],
    ['decomposed accents (NFC)', 'Re\u0301sume\u0301.pdf', 'Résumé.pdf'],
    ['a lone surrogate', 'a\ud800b.txt', 'ab.txt'],
  ])('%s', (_label, raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('cuts over-long names to the byte limit, keeping the extension and whole characters', () => {
    const long = `${'報'.repeat(300)}.pdf`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(safe).toBe(`${'報'.repeat(65)}.pdf`);
    expect(safeFileName('x'.repeat(10_000))).toHaveLength(MAX_NAME_BYTES);
  });
});

describe('originalFileName', () => {
  it('keeps the name as sent, less control characters, capped', () => {
    expect(originalFileName('../../etc/passwd')).toBe('../../etc/passwd');
    expect(originalFileName('invoice\u202Efdp.exe')).toBe('invoice\u202Efdp.exe');
    expect(originalFileName('a\u0000b\nc')).toBe('abc');
    expect(originalFileName('x'.repeat(5000))).toHaveLength(1000);
  });
});

describe('extensionOf / withExtension', () => {
  it.each<[string, string | null]>([
    ['a.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['noext', null],
    ['.pdf', null],
    ['name.', null],
    ['weird.ext-ension', null],
  ])('extensionOf(%j) = %j', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });

  it('adds the content’s extension to a name without one, and names a nameless file', () => {
    expect(withExtension('passwd', 'txt')).toBe('passwd.txt');
    expect(withExtension('paper.pdf', 'pdf')).toBe('paper.pdf');
    expect(withExtension('', 'pdf')).toBe('document.pdf');
  });
});
