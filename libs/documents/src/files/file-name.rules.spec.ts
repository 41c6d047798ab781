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

/** Control and bidirectional-formatting characters: none may reach either stored name. */
const CONTROL_AND_BIDI: [string, string][] = [
  ['U+202E right-to-left override', '\u202E'],
  ['U+202D left-to-right override', '\u202D'],
  ['U+202A left-to-right embedding', '\u202A'],
  ['U+202B right-to-left embedding', '\u202B'],
  ['U+202C pop directional formatting', '\u202C'],
  ['U+200E left-to-right mark', '\u200E'],
  ['U+200F right-to-left mark', '\u200F'],
  ['U+061C Arabic letter mark', '\u061C'],
  ['U+2066 left-to-right isolate', '\u2066'],
  ['U+2067 right-to-left isolate', '\u2067'],
  ['U+2068 first strong isolate', '\u2068'],
  ['U+2069 pop directional isolate', '\u2069'],
  ['U+0000 NUL', '\u0000'],
  ['U+0007 bell', '\u0007'],
  ['U+0008 backspace', '\u0008'],
  ['U+001B escape', '\u001B'],
  ['U+007F delete', '\u007F'],
  ['U+0080 (C1)', '\u0080'],
  ['U+0085 next line (C1)', '\u0085'],
  ['U+009B control sequence introducer (C1)', '\u009B'],
  ['U+009F (C1)', '\u009F'],
  ['CR LF', '\r\n'],
  ['tab', '\t'],
];

describe.each<[string, (raw: string) => string]>([
  ['safeFileName', safeFileName],
  ['originalFileName', originalFileName],
])('%s strips control and bidi characters', (_fn, clean) => {
  it.each(CONTROL_AND_BIDI)('%s', (_label, ch) => {
    expect(clean(`invoice${ch}fdp${ch}.pdf`)).toBe('invoicefdp.pdf');
    expect(clean(`${ch}出國報告${ch}.txt`)).toBe('出國報告.txt');
  });
});

describe('originalFileName', () => {
  it.each<[string, string, string]>([
    ['keeps the path as sent', '../../etc/passwd', '../../etc/passwd'],
    ['a spoofed extension loses its override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['isolates around Arabic', 'تقرير \u2067ملف\u2069.pdf', 'تقرير ملف.pdf'],
    ['controls', 'a\u0000b\nc', 'abc'],
    ['line separators become spaces', 'a\u2028b.txt', 'a b.txt'],
    ['zero-width non-joiner stays (Persian)', 'می\u200Cخواهم.pdf', 'می\u200Cخواهم.pdf'],
    ['zero-width joiner stays (emoji)', '👩\u200D💻.txt', '👩\u200D💻.txt'],
  ])('%s', (_label, raw, kept) => {
    expect(originalFileName(raw)).toBe(kept);
  });

  it('caps the length', () => {
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
