import { documentPath, namesRevision } from './document-path';

describe('document paths', () => {
  it.each([
    ['2008-TELWG37-SPSG-006', false],
    ['2008-tel37-spsg-006', false],
    ['2008-TELWG37-SPSG-006-Rev.2', true],
    ['2008/TEL37/SPSG/006rev2', true],
    ['2008-TELWG37-SPSG-006.doc [Rev.2]', true],
    ['2008-TELWG37-SPSG-006 [Rev.2].doc', true],
    ['2008-TELWG37-PREV-006', false],
  ])('%s names a revision: %s', (typed, expected) => {
    expect(namesRevision(typed)).toBe(expected);
  });

  it('writes the canonical path, with the revision when one was named', () => {
    expect(documentPath('2008-TELWG37-SPSG-006')).toBe('/documents/2008-TELWG37-SPSG-006');
    expect(documentPath('2008-TELWG37-SPSG-006', 2)).toBe('/documents/2008-TELWG37-SPSG-006-Rev.2');
    expect(documentPath('2008-TELWG37-SPSG-006', 0)).toBe('/documents/2008-TELWG37-SPSG-006-Rev.0');
  });
});
