import { asciiFallback, contentDisposition, etagMatches, ifRangeAllows, parseRange } from './download.rules';

describe('contentDisposition', () => {
  it.each<[string, string]>([
    ['report.pdf', 'attachment; filename="report.pdf"'],
    ['2008-TELWG37-SPSG-006 [Rev.2].pdf', 'attachment; filename="2008-TELWG37-SPSG-006 [Rev.2].pdf"'],
    ['出國報告.txt', `attachment; filename="document.txt"; filename*=UTF-8''%E5%87%BA%E5%9C%8B%E5%A0%B1%E5%91%8A.txt`],
    ['TEL37 出國報告.txt', `attachment; filename="TEL37 _.txt"; filename*=UTF-8''TEL37%20%E5%87%BA%E5%9C%8B%E5%A0%B1%E5%91%8A.txt`],
    ['Résumé.pdf', `attachment; filename="Resume.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`],
    ["it's (final).pdf", `attachment; filename="it's (final).pdf"`],
    ['say "hi" 100%.txt', `attachment; filename="say _hi_ 100_.txt"; filename*=UTF-8''say%20%22hi%22%20100%25.txt`],
  ])('%j', (name, header) => {
    expect(contentDisposition('attachment', name)).toBe(header);
  });

  it('says inline when asked', () => {
    expect(contentDisposition('inline', 'a.pdf')).toBe('inline; filename="a.pdf"');
  });

  it('never lets quotes, backslashes or CR/LF into the fallback', () => {
    const fallback = asciiFallback('a"b\\c\r\nd.txt');
    expect(fallback).not.toMatch(/["\\\r\n]/);
  });
});

describe('parseRange', () => {
  it.each<[string | undefined, number, ReturnType<typeof parseRange>]>([
    [undefined, 100, { kind: 'whole' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-1000', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=50-1000', 100, { kind: 'partial', start: 50, end: 99 }],
    ['bytes=99-99', 100, { kind: 'partial', start: 99, end: 99 }],
    ['BYTES = 1 - 2', 100, { kind: 'partial', start: 1, end: 2 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=500-600', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', 100, { kind: 'whole' }], // several ranges: ignored, the whole file
    ['bytes=5-1', 100, { kind: 'whole' }], // invalid: ignored
    ['items=0-1', 100, { kind: 'whole' }],
    ['bytes=-', 100, { kind: 'whole' }],
    ['bytes=abc', 100, { kind: 'whole' }],
    [`bytes=${'9'.repeat(40)}-`, 100, { kind: 'whole' }],
  ])('%j of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('etagMatches / ifRangeAllows', () => {
  const etag = '"abc"';
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abd"', false],
    ['abc', false],
  ])('If-None-Match %j → %p', (header, matches) => {
    expect(etagMatches(header, etag)).toBe(matches);
  });

  it('serves the range only for the current strong ETag', () => {
    expect(ifRangeAllows(undefined, etag)).toBe(true);
    expect(ifRangeAllows('"abc"', etag)).toBe(true);
    expect(ifRangeAllows('W/"abc"', etag)).toBe(false);
    expect(ifRangeAllows('Wed, 21 Oct 2015 07:28:00 GMT', etag)).toBe(false);
  });
});
