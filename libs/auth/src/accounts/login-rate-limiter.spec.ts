import { loadConfig } from '@tel/core';
import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  const make = () => new LoginRateLimiter(loadConfig({ LOGIN_MAX_FAILURES: '2', LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_BLOCK_SECONDS: '60' }));

  it('blocks an e-mail+address after LOGIN_MAX_FAILURES, with retryAfterSeconds', async () => {
    const limiter = make();
    await limiter.assertAllowed('a@x.org', '1.1.1.1');
    await limiter.recordFailure('a@x.org', '1.1.1.1');
    await limiter.assertAllowed('a@x.org', '1.1.1.1');
    await limiter.recordFailure('a@x.org', '1.1.1.1');
    await expect(limiter.assertAllowed('a@x.org', '1.1.1.1')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
    const error = await limiter.assertAllowed('a@x.org', '1.1.1.1').catch((e) => e);
    expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another address, or another e-mail, is still allowed.
    await limiter.assertAllowed('a@x.org', '2.2.2.2');
    await limiter.assertAllowed('b@x.org', '1.1.1.1');
  });

  it('a success clears the e-mail count, not the address count', async () => {
    const limiter = make();
    await limiter.recordFailure('a@x.org', '1.1.1.1');
    await limiter.recordSuccess('a@x.org', '1.1.1.1');
    await limiter.recordFailure('a@x.org', '1.1.1.1');
    await limiter.assertAllowed('a@x.org', '1.1.1.1');
    await limiter.recordFailure('c@x.org', '1.1.1.1');
    // Three failures from 1.1.1.1 in all: the address is now blocked for every e-mail.
    await expect(limiter.assertAllowed('d@x.org', '1.1.1.1')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await limiter.assertAllowed('d@x.org', '2.2.2.2');
  });
});
