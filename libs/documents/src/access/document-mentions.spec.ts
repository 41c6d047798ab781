import { redactMentions, REDACTED_DOCUMENT as R } from './document-mentions';

const hidden = [
  { symbol: '2008-TELWG37-SPSG-004', title: 'Progress report: Judge and Prosecutor Cyber Crime Enforcement Capacity Building Project' },
  { symbol: '2008-TELWG37-PTAB-WS-016', title: 'Research report of the botnet workshop' },
  { symbol: '2009-TELWG40-PLEN-026anxE', title: 'Annex' },
];

describe('redactMentions', () => {
  it.each([
    ['canonical', 'see 2008-TELWG37-SPSG-004 for details', `see ${R} for details`],
    ['with revision and extension', 'tabled as 2008-TELWG37-SPSG-004.doc [Rev.2].', `tabled as ${R}.`],
    ['APEC database form', 'posted as 2008/TEL37/SPSG/004rev1', `posted as ${R}`],
    ['TEL37 with spaces', 'TEL37 SPSG 4 was discussed', `${R} was discussed`],
    ['short form', 'paper SPSG-004 and spsg/4', `paper ${R} and ${R}`],
    ['padded with a space', 'SPSG 004', R],
    ['lower case', '2008-telwg37-spsg-004', R],
    ['multi-segment code', 'the workshop report PTAB-WS-016 (2008/TEL37/PTAB-WS/016)', `the workshop report ${R} (${R})`],
    ['title, any case and spacing', 'quotes "progress report: judge and  prosecutor cyber crime enforcement capacity building project"', `quotes "${R}"`],
    ['annex only', '2009-TELWG40-PLEN-026anxE and 2009-TELWG40-PLEN-026', `${R} and 2009-TELWG40-PLEN-026`],
  ])('%s', (_, text, expected) => {
    expect(redactMentions(text, hidden)).toBe(expected);
  });

  it.each([
    ['another number', '2008-TELWG37-SPSG-040 and SPSG-0041 and SPSG-014'],
    ['the number inside another', 'SPSG-0045'],
    ['an unpadded number with only a space', 'the SPSG 4 projects'],
    ['a short title', 'Annex'],
    ['part of a title', 'Judge and Prosecutor Cyber Crime Enforcement Capacity Building Project'],
  ])('leaves %s alone', (_, text) => {
    expect(redactMentions(text, hidden)).toBe(text);
  });

  it('changes nothing when nothing is hidden', () => {
    expect(redactMentions('2008-TELWG37-SPSG-004', [])).toBe('2008-TELWG37-SPSG-004');
  });
});

describe('redactMentions over many hidden documents', () => {
  // 3,000 restricted documents (a large archive) made one pattern V8 refused: "Regular expression too large".
  const many = Array.from({ length: 3000 }, (_, i) => ({
    symbol: `2010-TELWG${41 + (i % 20)}-SPSG-${String(1 + Math.floor(i / 20)).padStart(3, '0')}`,
    title: `Confidential progress report number ${i} on the regional broadband programme`,
  }));

  it('redacts a symbol and a title of the last of them, and leaves other text alone', () => {
    const last = many[many.length - 1];
    const text = `see ${last.symbol} and "${last.title}", not 2010-TELWG41-LSG-001`;
    expect(redactMentions(text, many)).toBe(`see ${R} and "${R}", not 2010-TELWG41-LSG-001`);
  });

  it('still lets a longer mention win over a shorter one it contains', () => {
    const titles = [
      { symbol: '2010-TELWG41-DSG-001', title: 'Broadband report' },
      { symbol: '2010-TELWG41-DSG-002', title: 'Broadband report of the regional broadband programme' },
      ...many,
    ];
    expect(redactMentions('the Broadband report of the regional broadband programme', titles)).toBe(`the ${R}`);
  });
});

describe('redactMentions across requests (each brings its own list of hidden documents)', () => {
  it('follows each list: a document renamed, made public or newly hidden is judged by the list given', () => {
    const symbol = '2010-TELWG41-SPSG-050';
    const text = 'the Old confidential title and the New confidential title, and 2010-TELWG41-SPSG-050';
    expect(redactMentions(text, [{ symbol, title: 'Old confidential title' }])).toBe(`the ${R} and the New confidential title, and ${R}`);
    // Renamed: a new list (a new request) with the new title.
    expect(redactMentions(text, [{ symbol, title: 'New confidential title' }])).toBe(`the Old confidential title and the ${R}, and ${R}`);
    // Made public: no longer in the list.
    expect(redactMentions(text, [{ symbol: '2010-TELWG41-SPSG-051', title: 'Another paper entirely' }])).toBe(text);
  });
});

describe('redactMentions finds each mention through its key (number, title head) among thousands', () => {
  // Spellings mentionPattern accepts, each with the number as one run of digits (padded or not).
  const spellings = (symbol: string): string[] => {
    const [year, meeting, code, number] = symbol.split('-');
    const n = Number(number);
    return [
      symbol,
      `${year}/${meeting.replace('WG', '')}/${code}/${number}`,
      `${meeting} ${code} ${n}`,
      `${code}-${n}`,
      `${code.toLowerCase()}/000${n}`,
      `${code} ${number}`,
      `${symbol}.pdf [Rev.1]`,
    ];
  };
  const many = Array.from({ length: 4000 }, (_, i) => ({
    symbol: `20${10 + (i % 9)}-TELWG${41 + (i % 20)}-${['SPSG', 'LSG', 'DSG'][i % 3]}-${String(1 + Math.floor(i / 60)).padStart(3, '0')}`,
    title: `Report ${i} of the steering group on item ${i % 97}`,
  }));
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;

  it('redacts every spelling of random documents and their titles in any case and spacing, and nothing else', () => {
    for (let round = 0; round < 120; round++) {
      const chosen = Array.from({ length: 1 + random(3) }, () => many[random(many.length)]);
      const parts = chosen.map((d) => (random(3) === 0 ? d.title.toUpperCase().replace(/ /g, random(2) ? '  ' : '\n') : spellings(d.symbol)[random(7)]));
      const text = `Tabled: ${parts.join('; then ')}. Meeting 2099 closed at 17:30.`;
      const out = redactMentions(text, many);
      expect(out).toBe(`Tabled: ${parts.map(() => R).join('; then ')}. Meeting 2099 closed at 17:30.`);
      // The same as when only the mentioned documents are hidden.
      expect(redactMentions(text, chosen)).toBe(out);
    }
  });

  it('finds a title that starts the text, ends it, or spans a line break', () => {
    const d = many[1234];
    expect(redactMentions(d.title, many)).toBe(R);
    expect(redactMentions(`see\n${d.title.replace(' of ', ' of\n')}`, many)).toBe(`see\n${R}`);
  });

  it('keeps one index per list: a new list (another request) is indexed again', () => {
    const symbol = '2011-TELWG43-SPSG-077';
    const first = [{ symbol, title: 'The first confidential title' }];
    expect(redactMentions('SPSG-77 and The first confidential title', first)).toBe(`${R} and ${R}`);
    expect(redactMentions('SPSG-77 and The first confidential title', [{ symbol: '2011-TELWG43-SPSG-078', title: 'Another one entirely' }])).toBe(
      'SPSG-77 and The first confidential title',
    );
  });
});
