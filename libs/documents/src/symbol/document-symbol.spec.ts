import {
  DocumentSymbol,
  ParsedSymbol,
  SymbolParseError,
  SymbolQuery,
  formatDocumentSymbol,
  meetingCodeOf,
  parseDocumentSymbol,
  parseSymbolQuery,
  symbolKey,
  tryParseDocumentSymbol,
} from './document-symbol';

const EXPECTED = 'YEAR-MEETING-CODE-NNN, e.g. 2008-TELWG37-SPSG-006 (optionally [Rev.2])';

/** Builds the expected ParsedSymbol with defaults for the optional parts. */
function sym(year: number, meeting: string, code: string | null, number: number, extra: Partial<ParsedSymbol> = {}): ParsedSymbol {
  return { year, meeting, code, number, revision: null, extension: null, ...extra };
}

describe('parseDocumentSymbol', () => {
  describe('accepted forms', () => {
    it.each<[string, ParsedSymbol]>([
      // canonical and separators
      ['2008-TELWG37-SPSG-006', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2008/TELWG37/SPSG/006', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2009/TEL40/PLEN/004', sym(2009, 'TELWG40', 'PLEN', 4)],
      ['2009/TEL40-PLEN/004', sym(2009, 'TELWG40', 'PLEN', 4)],
      ['2008 - TELWG37 / SPSG - 006', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['  2008-TELWG37-SPSG-006  ', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2008\u00a0-\u00a0TELWG37-SPSG-006', sym(2008, 'TELWG37', 'SPSG', 6)], // NBSP from Word/HTML
      ['2008\u2013TELWG37\u2013SPSG\u2013006', sym(2008, 'TELWG37', 'SPSG', 6)], // en dashes
      // any case
      ['2008-telwg37-spsg-006', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2008/Tel37/Spsg/006', sym(2008, 'TELWG37', 'SPSG', 6)],
      // codes with hyphens: everything between meeting and number
      ['2008-TELWG37-PTAB-WS-016', sym(2008, 'TELWG37', 'PTAB-WS', 16)],
      ['2008/TEL37/PTAB/WS/016', sym(2008, 'TELWG37', 'PTAB-WS', 16)],
      ['2008/TEL37/PTAB-WS/016', sym(2008, 'TELWG37', 'PTAB-WS', 16)],
      ['2010-TELWG41-DSG-WS-003', sym(2010, 'TELWG41', 'DSG-WS', 3)],
      ['2010-TELWG41-DSG-WS2-DAY1-003', sym(2010, 'TELWG41', 'DSG-WS2-DAY1', 3)],
      ['2007-TELWG36-MRATF-002', sym(2007, 'TELWG36', 'MRATF', 2)],
      // TEL ≡ TELWG; other meetings kept as written (upper-cased)
      ['2008-TEL37-SPSG-006', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2008-TEL037-SPSG-006', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2005/SOM1/001', sym(2005, 'SOM1', null, 1)],
      ['2005/som1/001', sym(2005, 'SOM1', null, 1)],
      ['2010/TELMIN8/004', sym(2010, 'TELMIN8', null, 4)],
      ['2010-TELMIN8-SOM-004', sym(2010, 'TELMIN8', 'SOM', 4)],
      ['2008-TELWG37-006', sym(2008, 'TELWG37', null, 6)],
      // unpadded / long numbers
      ['2008-TELWG37-SPSG-6', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2008-TELWG37-SPSG-06', sym(2008, 'TELWG37', 'SPSG', 6)],
      ['2008-TELWG37-SPSG-1234', sym(2008, 'TELWG37', 'SPSG', 1234)],
      ['2008-TELWG37-SPSG-99999', sym(2008, 'TELWG37', 'SPSG', 99999)],
      // boundaries
      ['1989-TEL1-PLEN-001', sym(1989, 'TELWG1', 'PLEN', 1)],
      ['2100-TEL999-PLEN-001', sym(2100, 'TELWG999', 'PLEN', 1)],
      ['2008-TELWG37-ABCDEFGHIJKL-001', sym(2008, 'TELWG37', 'ABCDEFGHIJKL', 1)],
      // revisions
      ['2008-TELWG37-SPSG-006 [Rev.2]', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006[Rev.2]', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006 [ rev. 2 ]', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006 Rev.2', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006 rev2', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006 Rev 2', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006 (Rev.2)', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006-Rev.2', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008/TEL37/SPSG/006/Rev.2', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006 Revision 2', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2008-TELWG37-SPSG-006rev2', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2 })],
      ['2005/SOM1/001rev1', sym(2005, 'SOM1', null, 1, { revision: 1 })],
      ['2008-TELWG37-SPSG-006 [Rev.0]', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 0 })],
      ['2008-TELWG37-SPSG-006 [Rev.12]', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 12 })],
      // extensions
      ['2008-TELWG37-SPSG-006.doc', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'doc' })],
      ['2008-TELWG37-SPSG-006.DOCX', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'docx' })],
      ['2008/TEL37/SPSG/006.pdf', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'pdf' })],
      ['2008-TELWG37-SPSG-006.ppt', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'ppt' })],
      ['2008-TELWG37-SPSG-006.pptx', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'pptx' })],
      ['2008-TELWG37-SPSG-006.xls', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'xls' })],
      ['2008-TELWG37-SPSG-006.xlsx', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'xlsx' })],
      ['2008-TELWG37-SPSG-006.rtf', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'rtf' })],
      ['2008-TELWG37-SPSG-006.txt', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'txt' })],
      ['2008-TELWG37-SPSG-006.htm', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'htm' })],
      ['2008-TELWG37-SPSG-006.html', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'html' })],
      ['2008-TELWG37-SPSG-006.zip', sym(2008, 'TELWG37', 'SPSG', 6, { extension: 'zip' })],
      ['2008-TELWG37-SPSG-006 [Rev.2].doc', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2, extension: 'doc' })],
      // the extension before the revision, as the TEL37 delegation report cites Korea's output report
      ['2008-TELWG37-SPSG-006.doc [Rev.2]', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2, extension: 'doc' })],
      ['2008-TELWG37-SPSG-006.DOC(Rev.2)', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 2, extension: 'doc' })],
      ['2008/TEL37/SPSG/006.pdf rev 3', sym(2008, 'TELWG37', 'SPSG', 6, { revision: 3, extension: 'pdf' })],
      ['2009/TEL40/PLEN/026anxE.doc [Rev.1]', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E', revision: 1, extension: 'doc' })],
      ['2005/SOM1/001rev1.pdf', sym(2005, 'SOM1', null, 1, { revision: 1, extension: 'pdf' })],
      // annexes (APEC database)
      ['2009/TEL40/PLEN/026anxE', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E' })],
      ['2009-TELWG40-PLEN-026anxE', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E' })],
      ['2009/TEL40/PLEN/026ANXe', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E' })],
      ['2009/TEL40/PLEN/026anx1', sym(2009, 'TELWG40', 'PLEN', 26, { annex: '1' })],
      ['2009/TEL40/PLEN/026 Annex E', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E' })],
      ['2009/TEL40/PLEN/026anxErev1', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E', revision: 1 })],
      ['2009/TEL40/PLEN/026rev1anxE', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E', revision: 1 })],
      ['2009-TELWG40-PLEN-026anxE [Rev.3].pdf', sym(2009, 'TELWG40', 'PLEN', 26, { annex: 'E', revision: 3, extension: 'pdf' })],
    ])('%j', (input, expected) => {
      expect(parseDocumentSymbol(input)).toEqual(expected);
      expect(tryParseDocumentSymbol(input)).toEqual(expected);
    });

    it('omits annex when there is none', () => {
      expect(parseDocumentSymbol('2008-TELWG37-SPSG-006')).not.toHaveProperty('annex');
    });

    it('accepts exactly 200 characters', () => {
      const input = `2008-TELWG37-SPSG-006${' '.repeat(179)}`;
      expect(input).toHaveLength(200);
      expect(parseDocumentSymbol(input)).toEqual(sym(2008, 'TELWG37', 'SPSG', 6));
    });
  });

  describe('rejected input', () => {
    it.each<[string, string, RegExp]>([
      ['empty', '', /empty/],
      ['whitespace', '   \u00a0 ', /empty/],
      ['a word', 'hello', /found 1 part/],
      ['year and meeting only', '2008-TELWG37', /found 2 part/],
      ['doubled separator', '2008--SPSG-006', /empty segment at position 2/],
      ['leading separator', '-2008-TEL37-SPSG-006', /empty segment at position 1/],
      ['trailing separator', '2008-TEL37-SPSG-006-', /empty segment/],
      ['year before APEC', '1700-TEL37-SPSG-1', /year 1700 is out of range 1989\.\.2100/],
      ['year 1988', '1988-TEL37-SPSG-1', /year 1988/],
      ['year 2101', '2101-TEL37-SPSG-1', /year 2101/],
      ['two-digit year', '08-TEL37-SPSG-1', /"08" is not a 4-digit year/],
      ['no year', 'TEL37-SPSG-006', /"TEL37" is not a 4-digit year/],
      ['number zero', '2008-TEL37-SPSG-0', /document number 0 is out of range 1\.\.99999/],
      ['number too large', '2008-TEL37-SPSG-100000', /document number 100000/],
      ['number not numeric', '2008-TEL37-SPSG-ABC', /last part "ABC" is not a document number/],
      ['bare r2 is not a revision', '2008-TEL37-SPSG-006r2', /last part "006R2"/],
      ['revision too large', '2008-TEL37-SPSG-006 [Rev.1000]', /revision 1000 is out of range/],
      ['revision without symbol', 'Rev.2', /no symbol/],
      ['meeting without number', '2008-TELWG-SPSG-006', /meeting "TELWG" must be letters followed by a number/],
      ['meeting number zero', '2008-TEL0-SPSG-006', /meeting number 0/],
      ['meeting number 1000', '2008-TEL1000-SPSG-006', /meeting number 1000/],
      ['numeric meeting', '2008-37-SPSG-006', /meeting "37"/],
      ['code segment too long', '2008-TEL37-ABCDEFGHIJKLM-006', /longer than 12/],
      ['too many code segments', '2008-TEL37-A-B-C-D-006', /too many parts/],
      ['digit-only code segment', '2008-TELWG37-SPSG-006-2', /code segment "006" must contain a letter/],
      ['punctuation in code', '2008-TEL37-SP_SG-006', /only letters and digits/],
      ['spaces instead of separators', '2008 TELWG37 SPSG 006', /contains spaces/],
      ['unknown extension', '2008-TEL37-SPSG-006.exe', /last part "006.EXE"/],
      ['two extensions', '2008-TEL37-SPSG-006.doc.pdf', /last part "006.DOC"/],
      ['two revisions', '2008-TEL37-SPSG-006 [Rev.1] [Rev.2]', /not a document number|contains spaces/],
      ['very long string', `2008-TELWG37-SPSG-${'0'.repeat(500)}6`, /at most 200/],
      ['201 characters', `2008-TELWG37-SPSG-006${' '.repeat(180)}`, /201 characters/],
      ['10k characters', 'A'.repeat(10_000), /at most 200/],
      ['NUL', '2008-TEL37-SPSG-006\u0000', /control characters/],
      ['tab', '2008-TEL37\t-SPSG-006', /control characters/],
      ['newline', '2008-TEL37-SPSG-006\n', /control characters/],
      ['escape', '\u001b[31m2008-TEL37-SPSG-006', /control characters/],
      ['C1 control', '2008-TEL37-SPSG-006\u0085', /control characters/],
      ['zero-width space', '2008-TEL37-\u200bSPSG-006', /unsupported character U\+200B/],
      ['Unicode letters', '2008-TEL37-\u017fPSG-006', /unsupported character U\+017F/],
      ['path traversal', '../../etc/passwd', /empty segment|not a 4-digit year/],
      ['SQL injection', "'; DROP TABLE documents; --", /./],
      ['SQL in code', "2008-TEL37-SPSG' OR 1=1-006", /./],
    ])('%s', (_label, input, reason) => {
      let caught: unknown;
      try {
        parseDocumentSymbol(input);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(SymbolParseError);
      const err = caught as SymbolParseError;
      expect(err.name).toBe('SymbolParseError');
      expect(err.expected).toBe(EXPECTED);
      expect(err.message).toContain(EXPECTED);
      expect(err.reason).toMatch(reason);
      expect(err.message).toContain(err.reason);
      expect(err.message.length).toBeLessThan(400); // long input is not echoed in full
      expect(tryParseDocumentSymbol(input)).toBeNull();
    });

    it.each<[string, unknown]>([
      ['undefined', undefined],
      ['null', null],
      ['number', 2008],
      ['object', { year: 2008 }],
    ])('non-string input (%s) throws SymbolParseError', (_label, input) => {
      expect(() => parseDocumentSymbol(input as string)).toThrow(SymbolParseError);
      expect(tryParseDocumentSymbol(input as string)).toBeNull();
    });

    it('escapes control characters in the message', () => {
      expect(() => parseDocumentSymbol('20\u000008')).toThrow(/"20\\u000008"/);
    });
  });
});

describe('formatDocumentSymbol', () => {
  const spsg: DocumentSymbol = { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6 };
  const ptab: DocumentSymbol = { year: 2008, meeting: 'TELWG37', code: 'PTAB-WS', number: 16 };
  const som: DocumentSymbol = { year: 2005, meeting: 'SOM1', code: null, number: 1 };
  const annex: DocumentSymbol = { year: 2009, meeting: 'TELWG40', code: 'PLEN', number: 26, annex: 'E' };
  const big: DocumentSymbol = { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 1234 };

  it.each<[DocumentSymbol, number | null | undefined, string, string]>([
    [spsg, undefined, '2008-TELWG37-SPSG-006', '2008/TEL37/SPSG/006'],
    [spsg, null, '2008-TELWG37-SPSG-006', '2008/TEL37/SPSG/006'],
    [spsg, 0, '2008-TELWG37-SPSG-006', '2008/TEL37/SPSG/006'],
    [spsg, 2, '2008-TELWG37-SPSG-006 [Rev.2]', '2008/TEL37/SPSG/006rev2'],
    [ptab, 1, '2008-TELWG37-PTAB-WS-016 [Rev.1]', '2008/TEL37/PTAB-WS/016rev1'],
    [som, 1, '2005-SOM1-001 [Rev.1]', '2005/SOM1/001rev1'],
    [annex, undefined, '2009-TELWG40-PLEN-026anxE', '2009/TEL40/PLEN/026anxE'],
    [annex, 3, '2009-TELWG40-PLEN-026anxE [Rev.3]', '2009/TEL40/PLEN/026anxErev3'],
    [big, undefined, '2008-TELWG37-SPSG-1234', '2008/TEL37/SPSG/1234'],
    [{ ...spsg, meeting: 'TELMIN7' }, undefined, '2008-TELMIN7-SPSG-006', '2008/TELMIN7/SPSG/006'],
  ])('%j rev %p → %s | %s', (s, revision, canonical, apecDb) => {
    expect(formatDocumentSymbol(s, { revision })).toBe(canonical);
    expect(formatDocumentSymbol(s, { revision, style: 'canonical' })).toBe(canonical);
    expect(formatDocumentSymbol(s, { revision, style: 'apec-db' })).toBe(apecDb);
  });

  it.each<[DocumentSymbol, string]>([
    [{ year: 2008, meeting: 'tel37', code: 'spsg', number: 6 }, '2008-TELWG37-SPSG-006'],
    [{ year: 2008, meeting: 'TEL37', code: 'ptab/ws', number: 16 }, '2008-TELWG37-PTAB-WS-016'],
    [{ year: 2005, meeting: 'SOM1', code: '', number: 1 }, '2005-SOM1-001'],
    [{ year: 2009, meeting: 'TEL40', code: 'PLEN', number: 26, annex: 'e' }, '2009-TELWG40-PLEN-026anxE'],
  ])('normalizes hand-built %j', (s, expected) => {
    expect(formatDocumentSymbol(s)).toBe(expected);
  });

  it('uses the revision of a ParsedSymbol unless told otherwise', () => {
    const parsed = parseDocumentSymbol('2008/TEL37/SPSG/006rev2.doc');
    expect(formatDocumentSymbol(parsed)).toBe('2008-TELWG37-SPSG-006 [Rev.2]');
    expect(formatDocumentSymbol(parsed, { revision: null })).toBe('2008-TELWG37-SPSG-006');
    expect(formatDocumentSymbol(parsed, { revision: 5 })).toBe('2008-TELWG37-SPSG-006 [Rev.5]');
  });

  it.each<[string, DocumentSymbol, number | null]>([
    ['year', { ...spsg, year: 1700 }, null],
    ['fractional year', { ...spsg, year: 2008.5 }, null],
    ['meeting', { ...spsg, meeting: 'TEL' }, null],
    ['meeting number', { ...spsg, meeting: 'TEL1000' }, null],
    ['code chars', { ...spsg, code: 'SP SG' }, null],
    ['code segments', { ...spsg, code: 'A-B-C-D' }, null],
    ['empty code segment', { ...spsg, code: 'A--B' }, null],
    ['digit-only code', { ...spsg, code: '12' }, null],
    ['number 0', { ...spsg, number: 0 }, null],
    ['number NaN', { ...spsg, number: NaN }, null],
    ['annex', { ...spsg, annex: 'ABCD' }, null],
    ['negative revision', spsg, -1],
    ['revision 1000', spsg, 1000],
    ['fractional revision', spsg, 1.5],
  ])('throws RangeError for an invalid %s', (_label, s, revision) => {
    expect(() => formatDocumentSymbol(s, { revision })).toThrow(RangeError);
  });
});

describe('round trips', () => {
  const symbols: DocumentSymbol[] = [
    { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6 },
    { year: 2008, meeting: 'TELWG37', code: 'PTAB-WS', number: 16 },
    { year: 2010, meeting: 'TELWG41', code: 'DSG-WS2-DAY1', number: 3 },
    { year: 2009, meeting: 'TELWG40', code: 'PLEN', number: 4 },
    { year: 2005, meeting: 'SOM1', code: null, number: 1 },
    { year: 2010, meeting: 'TELMIN8', code: null, number: 4 },
    { year: 2009, meeting: 'TELWG40', code: 'PLEN', number: 26, annex: 'E' },
    { year: 2009, meeting: 'TELWG40', code: 'PLEN', number: 26, annex: '12' },
    { year: 1989, meeting: 'TELWG1', code: 'MRATF', number: 99999 },
    { year: 2100, meeting: 'TELWG999', code: 'ABCDEFGHIJKL', number: 1000 },
  ];
  const cases = symbols.flatMap((s) => (['canonical', 'apec-db'] as const).flatMap((style) => [undefined, 0, 1, 12, 999].map((revision) => [s, style, revision] as const)));

  it.each(cases)('parse(format(%j, %s, rev %p))', (s, style, revision) => {
    const text = formatDocumentSymbol(s, { style, revision });
    // Rev.0 (the original) prints no suffix, so it reads back as "no revision".
    expect(parseDocumentSymbol(text)).toEqual({ ...s, revision: revision || null, extension: null });
    expect(parseSymbolQuery(text)).toEqual({
      year: s.year,
      meeting: s.meeting,
      ...(s.code ? { code: s.code } : {}),
      number: s.number,
      ...(revision ? { revision } : {}),
      ...(s.annex ? { annex: s.annex } : {}),
    });
  });

  it.each(['2008/tel37/spsg/6 rev 2', '2008 - TEL37 - PTAB / WS - 16.pdf', '2005/SOM1/001rev1', '2009/TEL40/PLEN/026anxErev1.doc'])(
    'format(parse(%j)) is stable in both styles',
    (input) => {
      const parsed = parseDocumentSymbol(input);
      for (const style of ['canonical', 'apec-db'] as const) {
        const text = formatDocumentSymbol(parsed, { style });
        expect(formatDocumentSymbol(parseDocumentSymbol(text), { style })).toBe(text);
        expect(parseDocumentSymbol(text)).toEqual({ ...parsed, extension: null });
      }
    },
  );
});

describe('symbolKey', () => {
  it.each<[string, string]>([
    ['2008-TELWG37-SPSG-006', '2008-TELWG37-SPSG-006'],
    ['2008/TEL37/SPSG/6 [Rev.2].doc', '2008-TELWG37-SPSG-006'],
    ['2008/tel37/ptab/ws/016rev3', '2008-TELWG37-PTAB-WS-016'],
    ['2005/SOM1/001rev1', '2005-SOM1-001'],
    ['2009/TEL40/PLEN/026anxErev1', '2009-TELWG40-PLEN-026anxE'],
  ])('%j → %s', (input, key) => {
    expect(symbolKey(parseDocumentSymbol(input))).toBe(key);
  });

  it('is the same for every spelling of a document and differs between documents', () => {
    const spellings = ['2008-TELWG37-SPSG-006', '2008/TEL37/SPSG/6', '2008-tel37-spsg-006 (Rev.4)', '2008/TELWG37/SPSG/006.pdf'];
    expect(new Set(spellings.map((s) => symbolKey(parseDocumentSymbol(s)))).size).toBe(1);
    const others = ['2008-TELWG37-SPSG-007', '2008-TELWG38-SPSG-006', '2008-TELWG37-SPSG-006anxA', '2008-TELMIN37-SPSG-006'];
    const keys = new Set([spellings[0], ...others].map((s) => symbolKey(parseDocumentSymbol(s))));
    expect(keys.size).toBe(others.length + 1);
  });
});

describe('meetingCodeOf', () => {
  it.each<[string, string]>([
    ['TELWG37', 'TEL37'],
    ['TEL37', 'TEL37'],
    ['telwg5', 'TEL5'],
    ['SOM1', 'SOM1'],
    ['TELMIN7', 'TELMIN7'],
  ])('%s → %s', (meeting, code) => {
    expect(meetingCodeOf({ year: 2008, meeting, code: null, number: 1 })).toBe(code);
  });
});

describe('parseSymbolQuery', () => {
  it.each<[string, SymbolQuery]>([
    // full symbols in any accepted spelling
    ['2008-TELWG37-SPSG-006', { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6 }],
    ['2008/TELWG37/SPSG/6', { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6 }],
    ['2008 TELWG37 SPSG 006', { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6 }],
    ['2008-TELWG37-PTAB-WS-016', { year: 2008, meeting: 'TELWG37', code: 'PTAB-WS', number: 16 }],
    ['2005/SOM1/001rev1', { year: 2005, meeting: 'SOM1', number: 1, revision: 1 }],
    ['2009/TEL40/PLEN/026anxE', { year: 2009, meeting: 'TELWG40', code: 'PLEN', number: 26, annex: 'E' }],
    ['2008-TELWG37-SPSG-006 [Rev.2].pdf', { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6, revision: 2 }],
    ['2008_tel37_spsg_006.doc', { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6 }],
    // partials
    ['TEL37 SPSG 6', { meeting: 'TELWG37', code: 'SPSG', number: 6 }],
    ['tel 37 spsg 6', { meeting: 'TELWG37', code: 'SPSG', number: 6 }],
    ['TELWG37 6', { meeting: 'TELWG37', number: 6 }],
    ['SPSG-006', { code: 'SPSG', number: 6 }],
    ['spsg 6', { code: 'SPSG', number: 6 }],
    ['PTAB-WS-016', { code: 'PTAB-WS', number: 16 }],
    ['PTAB WS 16 rev 1', { code: 'PTAB-WS', number: 16, revision: 1 }],
    ['SPSG 6 (Rev.2)', { code: 'SPSG', number: 6, revision: 2 }],
    ['2008 SPSG 6', { year: 2008, code: 'SPSG', number: 6 }],
    ['2008 TEL37', { year: 2008, meeting: 'TELWG37' }],
    ['2008 TEL37 SPSG', { year: 2008, meeting: 'TELWG37', code: 'SPSG' }],
    ['2008 6', { year: 2008, number: 6 }],
    ['SOM1 001', { meeting: 'SOM1', number: 1 }],
    ['  2008 / TELWG37 / SPSG / 6  ', { year: 2008, meeting: 'TELWG37', code: 'SPSG', number: 6 }],
    ['SPSG 1000', { code: 'SPSG', number: 1000 }],
  ])('%j → %j', (text, expected) => {
    expect(parseSymbolQuery(text)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['empty', ''],
    ['whitespace', '   '],
    ['a word', 'hello'],
    ['two words', 'hello world'],
    ['a lone number', '6'],
    ['a lone year', '2008'],
    ['a lone code', 'SPSG'],
    ['a lone meeting', 'TEL37'],
    ['TEL 37 alone', 'TEL 37'],
    ['meeting and code without number or year', 'IPv6 security'],
    ['revision only', 'rev 2'],
    ['number and revision only', '006 rev 1'],
    ['bare r2', 'SPSG 6r2'],
    ['number out of range', 'SPSG 0'],
    ['number too large', 'SPSG 100000'],
    ['year after code is a number', 'SPSG 2008 6'],
    ['meeting number out of range', 'TEL1000 SPSG 6'],
    ['too many code segments', 'A B C D 6'],
    ['long code segment', 'ABCDEFGHIJKLM 6'],
    ['punctuation', 'SPSG.6'],
    ['path traversal', '../../etc/passwd'],
    ['SQL injection', "'; DROP TABLE documents; --"],
    ['SQL-ish with number', "SPSG' OR '1'='1 6"],
    ['long string', 'SPSG '.repeat(50) + '6'],
    ['10k characters', '6'.repeat(10_000)],
    ['NUL', 'SPSG\u00006'],
    ['tab', 'SPSG\t6'],
    ['zero-width space', 'SPSG\u200b 6'],
    ['revision out of range', 'SPSG 6 rev 1000'],
    ['undefined', undefined],
    ['null', null],
    ['number type', 6],
    [
      'object',
      {
        toString: () => {
          throw new Error('boom');
        },
      },
    ],
  ])('returns null for %s', (_label, text) => {
    expect(() => parseSymbolQuery(text as string)).not.toThrow();
    expect(parseSymbolQuery(text as string)).toBeNull();
  });
});
