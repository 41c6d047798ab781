import { composeDigest } from './follow-digest';

describe('composeDigest', () => {
  const line = (citation: string, title: string, heading = 'SPSG at TEL37') => ({
    heading,
    citation,
    title,
    path: `/documents/${citation.replace(' [Rev.', '-Rev.').replace(']', '')}`,
  });

  it('names the count and where, and lists each document with its title and link', () => {
    const digest = composeDigest(
      [line('2008-TELWG37-SPSG-006', 'PKI report'), line('2008-TELWG37-SPSG-007', 'ICT for SMEs'), line('2008-TELWG37-SPSG-006 [Rev.1]', 'PKI report')],
      'https://tel.example.org/',
    );
    expect(digest.title).toBe('3 new documents for SPSG at TEL37');
    expect(digest.body).toEqual([
      [
        'SPSG at TEL37:',
        '- 2008-TELWG37-SPSG-006 — PKI report\n  https://tel.example.org/documents/2008-TELWG37-SPSG-006',
        '- 2008-TELWG37-SPSG-007 — ICT for SMEs\n  https://tel.example.org/documents/2008-TELWG37-SPSG-007',
        '- 2008-TELWG37-SPSG-006 [Rev.1] — PKI report\n  https://tel.example.org/documents/2008-TELWG37-SPSG-006-Rev.1',
      ].join('\n'),
    ]);
    expect(digest.sections[0].items[2]).toEqual({ text: '2008-TELWG37-SPSG-006 [Rev.1] — PKI report', link: 'https://tel.example.org/documents/2008-TELWG37-SPSG-006-Rev.1' });
  });

  it('says "document" for one, and joins several headings', () => {
    expect(composeDigest([line('2008-TELWG37-SPSG-006', 'PKI report')], 'http://x').title).toBe('1 new document for SPSG at TEL37');
    const mixed = composeDigest([line('A', 'a'), line('B', 'b', 'TEL37'), line('C', 'c', 'LSG at TEL38')], 'http://x');
    expect(mixed.title).toBe('3 new documents for SPSG at TEL37, TEL37 and LSG at TEL38');
    expect(mixed.sections.map((s) => s.heading)).toEqual(['SPSG at TEL37', 'TEL37', 'LSG at TEL38']);
  });

  it('refuses an empty digest (the pass sends none)', () => {
    expect(() => composeDigest([], 'http://x')).toThrow(/at least one/);
  });
});
