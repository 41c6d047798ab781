import { readCsv } from '../testing/csv-read';
import { neutraliseCell, toCsv, UTF8_BOM } from './csv';

describe('CSV exports', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Rev.0, Rev.2', 'Rev.0, Rev.2'],
    ['殭屍網路', '殭屍網路'],
    ['a = b', 'a = b'],
  ])('neutralises %j as %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('leaves numbers we write as numbers, and empty cells empty', () => {
    expect(neutraliseCell(-3)).toBe('-3');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
  });

  it('writes a BOM, CRLF records, quotes where needed, and reads back the same cells', () => {
    const rows = [
      { a: '2008-TELWG37-SPSG-006', b: 'Guide on "botnets", part 1\nand 2' },
      { a: '=cmd|"/c calc"!A1', b: '亞太經合會 電信工作組' },
    ];
    const text = toCsv(
      [
        { header: 'Symbol', value: (r: (typeof rows)[number]) => r.a },
        { header: 'Title', value: (r: (typeof rows)[number]) => r.b },
      ],
      rows,
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe('Symbol,Title');
    const back = readCsv(Buffer.from(text, 'utf8'));
    expect(back.header).toEqual(['Symbol', 'Title']);
    expect(back.rows).toEqual([
      { Symbol: '2008-TELWG37-SPSG-006', Title: 'Guide on "botnets", part 1\nand 2' },
      { Symbol: `'=cmd|"/c calc"!A1`, Title: '亞太經合會 電信工作組' },
    ]);
  });
});
