import { expect } from '@jest/globals';
import { loadConfig } from '@tel/core';
import { LoginRateLimiter } from './login-rate-limiter';
import { trustProxyProblem } from '../trust-proxy-check';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code: string; details?: { retryAfterSeconds?: number } }) => e,
  );

describe('LoginRateLimiter (memory)', () => {
  const make = (env: Record<string, string> = {}) =>
    new LoginRateLimiter(loadConfig({ LOGIN_MAX_FAILURES: '2', LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_BLOCK_SECONDS: '60', LOGIN_SLOWDOWN_SECONDS: '30', ...env }));

  it('takes an attempt before the password is checked: the third for one account+address is refused', async () => {
    const limiter = make();
    await limiter.consume('a@x.org', '1.1.1.1');
    await limiter.consume('a@x.org', '1.1.1.1');
    const error = await refusal(limiter.consume('a@x.org', '1.1.1.1'));
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
    expect(error!.details!.retryAfterSeconds).toBeGreaterThan(0);
    expect(error!.details!.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another address, or another account, is still allowed.
    await limiter.consume('a@x.org', '2.2.2.2');
    await limiter.consume('b@x.org', '1.1.1.1');
  });

  it('admits exactly the limit out of a burst of parallel attempts', async () => {
    const limiter = make({ LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_IP: '1000' });
    const results = await Promise.all(Array.from({ length: 40 }, () => refusal(limiter.consume('a@x.org', '1.1.1.1'))));
    expect(results.filter((r) => r === null)).toHaveLength(5);
    expect(results.filter((r) => r?.code === 'TOO_MANY_REQUESTS')).toHaveLength(35);
  });

  it('a success clears the account+address count', async () => {
    const limiter = make({ LOGIN_MAX_FAILURES_PER_IP: '100' });
    for (let round = 0; round < 5; round++) {
      await limiter.consume('a@x.org', '1.1.1.1');
      await limiter.consume('a@x.org', '1.1.1.1');
      await limiter.succeeded('a@x.org', '1.1.1.1');
    }
  });

  it('a spent address is slowed down, not locked: one attempt per LOGIN_SLOWDOWN_SECONDS, for anyone behind it', async () => {
    const limiter = make({ LOGIN_SLOWDOWN_SECONDS: '1' });
    for (const email of ['s1@x.org', 's2@x.org', 's3@x.org']) await limiter.consume(email, '1.1.1.1');
    // The address budget (3) is spent: the next attempt, for anyone, takes the one slow slot…
    await limiter.consume('someone@x.org', '1.1.1.1');
    // …and the ones after wait for the next slot, with a short Retry-After.
    for (let i = 0; i < 3; i++) {
      const error = await refusal(limiter.consume('someone-else@x.org', '1.1.1.1'));
      expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 1 } });
    }
    // Those refusals did not count against the account: it still has both of its tries, one per slot.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await limiter.consume('someone-else@x.org', '1.1.1.1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await limiter.consume('someone-else@x.org', '1.1.1.1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await refusal(limiter.consume('someone-else@x.org', '1.1.1.1'))).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
    // Other addresses are untouched.
    await limiter.consume('s1@x.org', '2.2.2.2');
  });
});

describe('trustProxyProblem', () => {
  it.each([
    [false, undefined, null],
    [false, '203.0.113.7', /TRUST_PROXY=false/],
    [true, '203.0.113.7', null],
    [true, undefined, /TRUST_PROXY=true/],
  ])('TRUST_PROXY=%p, X-Forwarded-For %p', (trust, forwarded, expected) => {
    const problem = trustProxyProblem(trust, forwarded);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
