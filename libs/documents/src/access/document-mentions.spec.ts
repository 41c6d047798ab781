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
