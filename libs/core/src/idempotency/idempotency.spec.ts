import { expect } from '@jest/globals';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency';

describe('idempotency keys', () => {
  it.each([
    ['a UUID', '0b8f3f7e-6a37-4f4e-9d0b-1f0a6d7c1e2a', '0b8f3f7e-6a37-4f4e-9d0b-1f0a6d7c1e2a'],
    ['printable ASCII', 'order:42/attempt#1', 'order:42/attempt#1'],
    ['trimmed', '  abc  ', 'abc'],
    ['255 characters', 'k'.repeat(255), 'k'.repeat(255)],
  ])('accepts %s', (_what, raw, key) => {
    expect(parseIdempotencyKey(raw)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['inner space', 'a b'],
    ['non-ASCII', 'clé'],
    ['256 characters', 'k'.repeat(256)],
    ['two values', ['a', 'b']],
  ])('refuses %s', (_what, raw) => {
    expect(() => parseIdempotencyKey(raw as string)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('is absent when the header is', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('fingerprints ignore key order and undefined fields, but not values or the operation', () => {
    const a = requestFingerprint('registerDocument', { input: { title: 'T', access: 'PUBLIC', note: undefined } });
    expect(requestFingerprint('registerDocument', { input: { access: 'PUBLIC', title: 'T' } })).toBe(a);
    expect(requestFingerprint('registerDocument', { input: { access: 'PUBLIC', title: 'U' } })).not.toBe(a);
    expect(requestFingerprint('createMeeting', { input: { access: 'PUBLIC', title: 'T' } })).not.toBe(a);
    expect(requestFingerprint('registerDocument', { input: { access: 'PUBLIC', title: 'T', list: [2, 1] } })).not.toBe(
      requestFingerprint('registerDocument', { input: { access: 'PUBLIC', title: 'T', list: [1, 2] } }),
    );
  });

  it('never hashes a password', () => {
    expect(canonicalJson({ input: { email: 'a@b.org', password: 'hunter2 hunter2' } })).toBe('{"input":{"email":"a@b.org","password":"[secret]"}}');
  });
});
