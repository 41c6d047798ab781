import { readCsv } from '../testing/csv-read';
import { FormAnswer, PROJECT_STATUS_LABELS, FORM_ANSWER_LABELS, ProjectStatus } from '@tel/projects';
import { csvDate, labelled, neutraliseCell, toCsv, UTF8_BOM } from './csv';

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

describe('CSV values for people', () => {
  it('writes codes in words from the owning library’s table, empty as empty', () => {
    expect(labelled(PROJECT_STATUS_LABELS, ProjectStatus.IN_PROGRESS)).toBe('In progress');
    expect(labelled(FORM_ANSWER_LABELS, FormAnswer.NOT_APPLICABLE)).toBe('N.A.');
    expect(labelled(FORM_ANSWER_LABELS, null)).toBeNull();
    // A value the table does not know (a newer database than this code) is written as it is, not lost.
    expect(labelled(FORM_ANSWER_LABELS, 'MAYBE')).toBe('MAYBE');
  });

  it.each([
    ['2008-03-26', '2008-03-26'],
    ['2008-03', '2008-03'],
    ['2008', '2008'],
    [new Date('2008-03-26T23:30:00Z'), '2008-03-26'],
    ['2008-03-26T14:00:00+09:00', '2008-03-26'],
    [null, null],
    ['', null],
  ])('writes the date %j as %j', (value, text) => {
    expect(csvDate(value)).toBe(text);
  });
});
