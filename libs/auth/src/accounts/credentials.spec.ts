import { expect } from '@jest/globals';
import { hashPassword, normalizeEmail, passwordProblem, requireEmail, requireStrongPassword, verifyPassword } from './credentials';

describe('credentials', () => {
  it('normalizes e-mails to trimmed lower case and rejects what is not one', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.ORG ')).toBe('ada.lovelace@example.org');
    for (const bad of ['', 'plain', 'a@b', 'a b@example.org', 'Ada <ada@example.org>', 'a@[127.0.0.1]', `${'x'.repeat(250)}@example.org`]) {
      expect([bad, normalizeEmail(bad)]).toEqual([bad, null]);
    }
    expect(() => requireEmail('nope')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('asks for 12 to 256 characters, counted as characters (not UTF-16 units)', () => {
    expect(passwordProblem('a'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('a'.repeat(12))).toBeNull();
    expect(passwordProblem('a'.repeat(256))).toBeNull();
    expect(passwordProblem('a'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('😀'.repeat(12))).toBeNull(); // 24 UTF-16 units, 12 characters
    expect(passwordProblem('😀'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('😀'.repeat(256))).toBeNull();
    expect(passwordProblem(' '.repeat(12))).toMatch(/spaces/);
    expect(() => requireStrongPassword('short')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('hashes with argon2id and verifies; a bad hash is a mismatch, not an error', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery ')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash); // salted
  });
});
