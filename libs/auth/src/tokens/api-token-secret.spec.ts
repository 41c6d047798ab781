import { createHash } from 'node:crypto';
import { hashApiToken, isWellFormedApiToken, looksLikeApiToken, newApiTokenSecret } from './api-token-secret';

describe('API token secrets', () => {
  it('are telp_ + 256 random bits, stored as their SHA-256, with a short hint', () => {
    const a = newApiTokenSecret();
    const b = newApiTokenSecret();
    expect(a.token).toMatch(/^telp_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(createHash('sha256').update(a.token).digest('hex'));
    expect(hashApiToken(a.token)).toBe(a.hash);
    expect(a.hint).toBe(a.token.slice(0, 12));
    expect(looksLikeApiToken(a.token)).toBe(true);
    expect(isWellFormedApiToken(a.token)).toBe(true);
    expect(isWellFormedApiToken(`${a.token}x`)).toBe(false);
    expect(looksLikeApiToken('eyJhbGciOi.x.y')).toBe(false);
  });
});
