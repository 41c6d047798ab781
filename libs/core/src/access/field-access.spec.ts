import { Actor } from '../context/request-context';
import { Role } from './roles';
import { canRead, readableBy, selfOr, signedIn, withRole } from './field-access';

const actor = (roles: Role[], userId = 'u1'): Actor => ({ userId, email: `${userId}@x.org`, roles, economyId: null, via: 'session-token' });

describe('field rules', () => {
  it('signedIn, withRole (ADMIN always) and selfOr', () => {
    expect(canRead({ actor: null }, signedIn, {})).toBe(false);
    expect(canRead({ actor: actor([Role.DELEGATE]) }, signedIn, {})).toBe(true);

    const secretariat = withRole(Role.SECRETARIAT);
    expect(canRead({ actor: actor([Role.DELEGATE]) }, secretariat, {})).toBe(false);
    expect(canRead({ actor: actor([Role.SECRETARIAT]) }, secretariat, {})).toBe(true);
    expect(canRead({ actor: actor([Role.ADMIN]) }, secretariat, {})).toBe(true);

    const own = selfOr((u: { id: string }) => u.id, Role.SECRETARIAT);
    expect(canRead({ actor: actor([Role.DELEGATE], 'u1') }, own, { id: 'u1' })).toBe(true);
    expect(canRead({ actor: actor([Role.DELEGATE], 'u2') }, own, { id: 'u1' })).toBe(false);
    expect(canRead({ actor: actor([Role.SECRETARIAT], 'u2') }, own, { id: 'u1' })).toBe(true);
    expect(canRead({ actor: null }, own, { id: 'u1' })).toBe(false);
    expect(canRead(undefined, own, { id: 'u1' })).toBe(false);
  });

  it('the field middleware answers null without resolving for callers the rule refuses', async () => {
    const middleware = readableBy(signedIn);
    const next = jest.fn(() => Promise.resolve('secret@example.org'));
    const call = (a: Actor | null) => middleware({ source: {}, args: {}, context: { actor: a, requestId: 'r', loaders: new Map() }, info: {} as never }, next);
    expect(await call(null)).toBeNull();
    expect(next).not.toHaveBeenCalled();
    expect(await call(actor([Role.OVERSEER]))).toBe('secret@example.org');
  });
});
