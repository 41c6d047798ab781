import * as jwt from 'jsonwebtoken';
import { loadConfig } from '@tel/core';
import { SessionTokens } from './session-tokens';

const SECRET = 'unit-test-secret-0123456789abcdefghij';

describe('SessionTokens', () => {
  const tokens = new SessionTokens(loadConfig({ AUTH_SECRET: SECRET, TOKEN_TTL: '3600' }));

  it('issues HS256 tokens that verify, with the configured lifetime', () => {
    const { token, expiresAt } = tokens.issue('user-1', 3);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(tokens.verify(token)).toEqual({ sub: 'user-1', sv: 3 });
    expect(Math.abs(expiresAt.getTime() - Date.now() - 3600_000)).toBeLessThan(2000);
  });

  it('refuses expired, tampered, foreign, unsigned and other-algorithm tokens', () => {
    const opts = { subject: 'user-1', issuer: 'tel-registry', audience: 'tel-registry/api' };
    const good = tokens.issue('user-1', 0).token;
    const bad = [
      jwt.sign({ sv: 0 }, SECRET, { ...opts, algorithm: 'HS256', expiresIn: -1 }),
      jwt.sign({ sv: 0 }, SECRET, { ...opts, algorithm: 'HS512' }),
      jwt.sign({ sv: 0 }, 'x'.repeat(40), { ...opts, algorithm: 'HS256' }),
      jwt.sign({ sv: 0 }, SECRET, { ...opts, audience: 'someone-else', algorithm: 'HS256' }),
      jwt.sign({ sv: 0 }, SECRET, { ...opts, issuer: 'someone-else', algorithm: 'HS256' }),
      jwt.sign({}, SECRET, { ...opts, algorithm: 'HS256' }),
      jwt.sign({ sv: 0 }, SECRET, { issuer: opts.issuer, audience: opts.audience, algorithm: 'HS256' }),
      jwt.sign({ sv: 0 }, '', { ...opts, algorithm: 'none' } as jwt.SignOptions),
      good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA'),
      '',
      'a.b.c',
    ];
    for (const token of bad) expect([token, tokens.verify(token)]).toEqual([token, null]);
  });
});
