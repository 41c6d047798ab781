import { canonicalProjectNumber, parseProjectNumber } from './project-number';

describe('project numbers', () => {
  it.each([
    ['TEL 01/2007S', 'TEL 01/2007S'],
    ['TEL 01 2007S', 'TEL 01/2007S'],
    ['tel 1/2007s', 'TEL 01/2007S'],
    ['TEL01/2007S', 'TEL 01/2007S'],
    ['  TEL  01 / 2007 S ', 'TEL 01/2007S'],
    ['EWG 06 2014A', 'EWG 06/2014A'],
    ['HRDWG 123/2010T', 'HRDWG 123/2010T'],
  ])('reads %j as %s', (input, canonical) => {
    expect(canonicalProjectNumber(input)).toBe(canonical);
  });

  it.each(['', 'TEL', 'TEL 01', 'TEL 012007S', 'TEL 01/07S', 'TEL 00/2007S', 'TEL 01/1970S', 'TEL 01/2007', 'TEL 01/2007SSSS', '01/2007S', 'T 01/2007S', 'TEL-01-2007S'])(
    'refuses %j',
    (input) => {
      expect(parseProjectNumber(input)).toBeNull();
    },
  );

  it('splits the parts', () => {
    expect(parseProjectNumber('EWG 06 2014A')).toEqual({ forum: 'EWG', sequence: 6, year: 2014, fundingCode: 'A' });
  });
});
