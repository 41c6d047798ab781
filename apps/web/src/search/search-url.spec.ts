import { activeFilters, cursorForPage, parseSearchParams, searchHref, toggleFilter, toSearchFilter, toSearchParams, withPage } from './search-url';

describe('search URL state', () => {
  it('reads every facet, repeated, and the page', () => {
    const s = parseSearchParams(new URLSearchParams('q=殭屍網路&meeting=TEL37&group=SPSG&group=LSG&type=REPORT&year=2008&economy=CT&page=3'));
    expect(s).toEqual({
      q: '殭屍網路',
      filters: { meeting: ['TEL37'], group: ['LSG', 'SPSG'], type: ['REPORT'], year: ['2008'], economy: ['CT'] },
      page: 3,
    });
  });

  it.each([
    ['page=0', 1],
    ['page=-2', 1],
    ['page=abc', 1],
    ['page=2.5', 1],
    ['page=99999', 500],
  ])('turns %s into page %d', (query, page) => {
    expect(parseSearchParams(new URLSearchParams(query)).page).toBe(page);
  });

  it('drops values that cannot be filters and duplicates', () => {
    const s = parseSearchParams(new URLSearchParams('year=08&year=2008&year=2008&type=<script>&meeting=TEL 37'));
    expect(s.filters.year).toEqual(['2008']);
    expect(s.filters.type).toEqual([]);
    expect(s.filters.meeting).toEqual([]);
  });

  it('round-trips through the URL in a stable order', () => {
    const s = parseSearchParams(new URLSearchParams('q=a b&group=SPSG&group=LSG&page=2'));
    expect(toSearchParams(s).toString()).toBe('q=a+b&group=LSG&group=SPSG&page=2');
    expect(parseSearchParams(toSearchParams(s))).toEqual(s);
    expect(searchHref(withPage(s, 1))).toBe('/search?q=a+b&group=LSG&group=SPSG');
  });

  it('adds and removes a facet value one at a time, back on page 1', () => {
    const s = parseSearchParams(new URLSearchParams('q=x&meeting=TEL37&page=4'));
    const added = toggleFilter(s, 'group', 'SPSG');
    expect(added.page).toBe(1);
    expect(activeFilters(added)).toEqual([
      { facet: 'meeting', value: 'TEL37' },
      { facet: 'group', value: 'SPSG' },
    ]);
    const removed = toggleFilter(added, 'meeting', 'TEL37');
    expect(activeFilters(removed)).toEqual([{ facet: 'group', value: 'SPSG' }]);
  });

  it('builds the API filter, null when nothing is chosen', () => {
    expect(toSearchFilter(parseSearchParams(new URLSearchParams('q=x')))).toBeNull();
    expect(toSearchFilter(parseSearchParams(new URLSearchParams('meeting=TEL37&year=2008&economy=CT&type=REPORT&group=SPSG')))).toEqual({
      meetingCodes: ['TEL37'],
      years: [2008],
      economies: ['CT'],
      types: ['REPORT'],
      groupCodes: ['SPSG'],
    });
  });

  it('turns a page number into the offset cursor the API hands out', () => {
    expect(cursorForPage(1)).toBeNull();
    expect(Buffer.from(cursorForPage(2)!, 'base64url').toString()).toBe('o:19');
    expect(Buffer.from(cursorForPage(3, 10)!, 'base64url').toString()).toBe('o:19');
  });
});
