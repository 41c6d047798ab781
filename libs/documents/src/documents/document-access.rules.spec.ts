import { Actor, Role } from '@tel/core';
import { canReadDocument, mayContribute, readableAccess } from './document-access.rules';
import { DocumentAccess } from './document.enums';

const actor = (roles: Role[], economyId: string | null = null): Actor => ({ userId: 'u', email: 'u@x', roles, economyId, via: 'session-token' });

describe('document access', () => {
  it.each<[string, Actor | null, DocumentAccess[]]>([
    ['anonymous', null, [DocumentAccess.PUBLIC]],
    ['an account without roles', actor([]), [DocumentAccess.PUBLIC, DocumentAccess.RESTRICTED]],
    ['a delegate', actor([Role.DELEGATE], 'e1'), [DocumentAccess.PUBLIC, DocumentAccess.RESTRICTED]],
    ['the secretariat', actor([Role.SECRETARIAT]), [DocumentAccess.PUBLIC, DocumentAccess.RESTRICTED]],
  ])('%s reads %j', (_label, who, levels) => {
    expect(readableAccess(who)).toEqual(levels);
    expect(canReadDocument(who, { access: DocumentAccess.RESTRICTED })).toBe(levels.includes(DocumentAccess.RESTRICTED));
    expect(canReadDocument(who, { access: DocumentAccess.PUBLIC })).toBe(true);
  });

  it.each<[string, Actor | null, string | null, boolean]>([
    ['anonymous', null, 'e1', false],
    ['the secretariat, any paper', actor([Role.SECRETARIAT]), 'e1', true],
    ['the secretariat, a paper of no economy', actor([Role.SECRETARIAT]), null, true],
    ['an admin', actor([Role.ADMIN]), null, true],
    ['a delegate of the submitting economy', actor([Role.DELEGATE], 'e1'), 'e1', true],
    ['an overseer of the submitting economy', actor([Role.OVERSEER], 'e1'), 'e1', true],
    ['a delegate of another economy', actor([Role.DELEGATE], 'e2'), 'e1', false],
    ['a delegate, a paper of an organization', actor([Role.DELEGATE], 'e1'), null, false],
    ['a delegate without an economy', actor([Role.DELEGATE], null), null, false],
    ['an account without roles from that economy', actor([], 'e1'), 'e1', false],
  ])('%s may contribute: %p', (_label, who, submitter, allowed) => {
    expect(mayContribute(who, { submittedByEconomyId: submitter })).toBe(allowed);
  });
});
