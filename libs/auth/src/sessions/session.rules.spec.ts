import { csrfTokenMatches, hashSessionSecret, isStateChanging, newSessionSecret, sessionCookieOptions, readSessionCookie, sessionStateAt, touchIntervalMs } from './session.rules';

describe('session rules', () => {
  const secret = newSessionSecret();

  it('makes 43-character base64url secrets, different every time, hashed to 64 hex digits', () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionSecret()).not.toBe(secret);
    expect(hashSessionSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionSecret(secret)).toBe(hashSessionSecret(secret));
  });

  it.each([
    [undefined, null],
    ['', null],
    [`tel_session=${secret}`, { secret }],
    [`a=1; tel_session=${secret}; b=2`, { secret }],
    ['tel_session=short', { secret: null }],
    [`tel_session=${secret}x`, { secret: null }],
    [`other=${secret}`, null],
    ['tel_session=%E0%A4%A', { secret: null }],
  ])('reads the cookie from %p', (header, expected) => {
    expect(readSessionCookie(header)).toEqual(expected);
  });

  it.each([
    ['GET', false],
    ['HEAD', false],
    ['OPTIONS', false],
    ['get', false],
    ['POST', true],
    ['PUT', true],
    ['PATCH', true],
    ['DELETE', true],
  ])('%s changes state: %p', (method, expected) => {
    expect(isStateChanging(method)).toBe(expected);
  });

  it('accepts only the exact CSRF token', () => {
    const token = newSessionSecret();
    expect(csrfTokenMatches(token, token)).toBe(true);
    for (const wrong of [undefined, '', token.slice(1), `${token}x`, token.toUpperCase(), [token], 'é'.repeat(43)]) {
      expect(csrfTokenMatches(token, wrong as string | undefined)).toBe(false);
    }
  });

  it('sets HttpOnly, SameSite=Lax, Path=/ and Secure only on HTTPS', () => {
    expect(sessionCookieOptions(false)).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: false });
    const at = new Date('2030-01-01T00:00:00Z');
    expect(sessionCookieOptions(true, at)).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: true, expires: at });
  });

  describe('state', () => {
    const t0 = new Date('2026-01-01T10:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const session = { lastSeenAt: t0, expiresAt: at(3600), endedAt: null };
    it.each([
      [0, 'active'],
      [599, 'active'],
      [600, 'idle'],
      [3600, 'expired'],
    ])('at +%ss with a 600 s idle timeout: %s', (seconds, state) => {
      expect(sessionStateAt(session, at(seconds), 600)).toBe(state);
    });
    it('an ended session stays ended', () => {
      expect(sessionStateAt({ ...session, endedAt: t0 }, t0, 600)).toBe('ended');
    });
  });

  it('touches lastSeenAt at most every minute, or a tenth of the idle timeout', () => {
    expect(touchIntervalMs(3600)).toBe(60_000);
    expect(touchIntervalMs(60)).toBe(6_000);
  });
});
