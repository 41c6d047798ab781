import { randomUUID } from 'node:crypto';
import { Role } from '@tel/core';
import { accountFor, createTestApp, errorCodes, TcpProxy, TestApp } from '@tel/testing';
import * as credentials from '../../libs/auth/src/accounts/credentials';
import { reportDrill } from './drill-report';

// Fault drill: bursts of parallel password guesses. The limiter takes each attempt before the
// password is checked, so however many arrive at once, no more passwords are checked than the
// limit — in one process (memory), and across processes sharing Redis (REDIS_URL).
jest.setTimeout(120_000);

const LIMIT = 5;
const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

interface LoginAnswer {
  codes: string[];
  token?: string;
  retryAfter: string | null;
  retryAfterSeconds?: number;
}

async function login(t: TestApp, email: string, password: string): Promise<LoginAnswer> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } } | null; errors?: { extensions: Record<string, unknown> }[] };
  return {
    codes: errorCodes(body as never),
    token: body.data?.login.token,
    retryAfter: res.headers.get('retry-after'),
    retryAfterSeconds: body.errors?.[0]?.extensions.retryAfterSeconds as number | undefined,
  };
}

/** Counts argon2 verifications made by every app in this process, with the passwords they checked. */
function countVerifications() {
  const spy = jest.spyOn(credentials, 'verifyPassword');
  return { checked: () => spy.mock.calls.map((c) => c[1]), restore: () => spy.mockRestore() };
}

const env = (extra: Record<string, string> = {}) => ({ LOGIN_MAX_FAILURES: String(LIMIT), LOGIN_MAX_FAILURES_PER_IP: '1000', LOGIN_BLOCK_SECONDS: '600', ...extra });
const wrong = (i: number) => `wrong-guess-${i}-${randomUUID()}`;

describe('fault drill: a burst of parallel logins (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: env() });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('40 wrong guesses at once check exactly LOGIN_MAX_FAILURES passwords; the right one is then refused', async () => {
    const account = await accountFor(t, [Role.OVERSEER]);
    const verified = countVerifications();
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(t, account.email, wrong(i))));
      const checked = verified.checked();
      reportDrill(
        '40 parallel wrong logins',
        t.dialect,
        { attempted: 40, acknowledged: checked.length, present: checked.length, duplicated: Math.max(0, checked.length - LIMIT) },
        `"acknowledged" = passwords checked (limit ${LIMIT})`,
      );
      expect(checked).toHaveLength(LIMIT);
      expect(answers.filter((a) => a.codes[0] === 'UNAUTHENTICATED')).toHaveLength(LIMIT);
      expect(answers.filter((a) => a.codes[0] === 'TOO_MANY_REQUESTS')).toHaveLength(40 - LIMIT);
      const right = await login(t, account.email, account.password);
      expect(right.codes).toEqual(['TOO_MANY_REQUESTS']);
      expect(right.token).toBeUndefined();
      expect(right.retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(right.retryAfter)).toBe(right.retryAfterSeconds);
      expect(verified.checked()).toHaveLength(LIMIT); // refused before its password was checked
    } finally {
      verified.restore();
    }
  });

  it('40 wrong and the right one all at once: the right one gets through only inside the limit', async () => {
    const account = await accountFor(t, [Role.OVERSEER]);
    const verified = countVerifications();
    try {
      const answers = await Promise.all([...Array.from({ length: 40 }, (_, i) => login(t, account.email, wrong(i))), login(t, account.email, account.password)]);
      const right = answers[40];
      const checked = verified.checked();
      const rightChecked = checked.indexOf(account.password);
      reportDrill(
        '40 wrong + the right login at once',
        t.dialect,
        { attempted: 41, acknowledged: checked.length, present: checked.length, duplicated: 0 },
        `right one ${right.token ? `admitted as check #${rightChecked + 1}` : 'refused'}`,
      );
      if (right.token) {
        // It took one of the LIMIT slots; its success cleared the count, as a correct password does.
        expect(rightChecked).toBeGreaterThanOrEqual(0);
        expect(rightChecked).toBeLessThan(LIMIT);
        expect(checked.length).toBeLessThanOrEqual(2 * LIMIT);
      } else {
        expect(right.codes).toEqual(['TOO_MANY_REQUESTS']);
        expect(checked).toHaveLength(LIMIT);
        expect(checked).not.toContain(account.password);
      }
    } finally {
      verified.restore();
    }
  });

  it('a burst against many accounts from one address is slowed down, and people behind it still get in', async () => {
    const slowed = await createTestApp({ seed: false, env: env({ LOGIN_MAX_FAILURES_PER_IP: '10', LOGIN_SLOWDOWN_SECONDS: '1' }) });
    const verified = countVerifications();
    try {
      const colleague = await accountFor(slowed, [Role.OVERSEER]);
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(slowed, `spray-${i}@test.example`, wrong(i))));
      // The address budget, plus one slow slot per started second the burst lasted.
      const allowed = 10 + Math.ceil((Date.now() - started) / 1000);
      const checked = verified.checked().length;
      reportDrill(
        '40 parallel logins for 40 accounts from one address',
        slowed.dialect,
        { attempted: 40, acknowledged: checked, present: checked, duplicated: Math.max(0, checked - allowed) },
        `address budget 10, then one per second: at most ${allowed}`,
      );
      expect(checked).toBeLessThanOrEqual(allowed);
      expect(answers.filter((a) => a.codes[0] === 'TOO_MANY_REQUESTS')).toHaveLength(40 - checked);
      for (const a of answers.filter((x) => x.codes[0] === 'TOO_MANY_REQUESTS')) expect(a.retryAfterSeconds).toBe(1);
      // Someone else behind the same address waits a second, not the whole window.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await login(slowed, colleague.email, colleague.password)).token).toEqual(expect.any(String));
    } finally {
      verified.restore();
      await slowed.close();
    }
  });
});

if (!REDIS_URL) {
  console.log('login drill: the Redis part (shared counters, Redis cut) left out (set REDIS_URL=redis://127.0.0.1:6379 to run it)');
} else {
  describe('fault drill: login limits shared in Redis (e2e)', () => {
    const prefix = `tel-login-${process.pid}-${randomUUID().slice(0, 8)}`;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      // Two API processes (as far as the limiter can tell): separate apps, one Redis, one prefix.
      a = await createTestApp({ seed: false, env: env({ REDIS_URL: REDIS_URL, JOB_QUEUE_PREFIX: prefix }) });
      b = await createTestApp({ seed: false, env: env({ REDIS_URL: REDIS_URL, JOB_QUEUE_PREFIX: prefix }) });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('two apps sharing the counters never check more than the limit together', async () => {
      const email = `shared-${randomUUID().slice(0, 8)}@test.example`;
      const inA = await accountFor(a, [Role.OVERSEER], { email });
      const inB = await accountFor(b, [Role.OVERSEER], { email });
      const verified = countVerifications();
      try {
        const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(i % 2 ? a : b, email, wrong(i))));
        const checked = verified.checked().length;
        reportDrill(
          '40 parallel wrong logins over 2 apps sharing Redis',
          a.dialect,
          { attempted: 40, acknowledged: checked, present: checked, duplicated: Math.max(0, checked - LIMIT) },
          `limit ${LIMIT} in all`,
        );
        expect(checked).toBe(LIMIT);
        expect(answers.filter((x) => x.codes[0] === 'TOO_MANY_REQUESTS')).toHaveLength(40 - LIMIT);
        expect((await login(a, email, inA.password)).codes).toEqual(['TOO_MANY_REQUESTS']);
        expect((await login(b, email, inB.password)).codes).toEqual(['TOO_MANY_REQUESTS']);
        expect(verified.checked()).toHaveLength(LIMIT);
      } finally {
        verified.restore();
      }
    });

    it('answers SERVICE_UNAVAILABLE, not an unchecked guess, when Redis does not answer', async () => {
      const target = new URL(REDIS_URL);
      const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      await proxy.listen();
      const cut = await createTestApp({ seed: false, env: env({ REDIS_URL: proxy.urlFor(REDIS_URL), JOB_QUEUE_PREFIX: `${prefix}-cut` }) });
      const verified = countVerifications();
      try {
        const account = await accountFor(cut, [Role.OVERSEER]);
        expect((await login(cut, account.email, account.password)).token).toEqual(expect.any(String));
        await proxy.cut();
        const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login(cut, account.email, i ? wrong(i) : account.password)));
        for (const answer of answers) {
          expect(answer.codes).toEqual(['SERVICE_UNAVAILABLE']);
          expect(answer.retryAfterSeconds).toBeGreaterThan(0);
          expect(Number(answer.retryAfter)).toBe(answer.retryAfterSeconds);
        }
        expect(verified.checked()).toHaveLength(1); // only the sign-in before the cut
        reportDrill(
          '10 logins while Redis is cut',
          cut.dialect,
          { attempted: 10, acknowledged: 0, present: verified.checked().length - 1, duplicated: 0 },
          'all SERVICE_UNAVAILABLE, no password checked',
        );
        // Redis back (the proxy listens on its port again): sign-in works again once the client reconnects.
        await proxy.listen();
        const deadline = Date.now() + 20_000;
        let back: LoginAnswer;
        do {
          await new Promise((resolve) => setTimeout(resolve, 250));
          back = await login(cut, account.email, account.password);
        } while (back.codes[0] === 'SERVICE_UNAVAILABLE' && Date.now() < deadline);
        expect(back.token).toEqual(expect.any(String));
      } finally {
        verified.restore();
        await cut.close();
        await proxy.cut();
      }
    });
  });
}
