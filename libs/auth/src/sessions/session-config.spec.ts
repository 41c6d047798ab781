import { ConfigError, loadConfig } from '@tel/core';

describe('SESSION_TTL and SESSION_IDLE_TIMEOUT', () => {
  it('default to 12 hours and 1 hour', () => {
    const { auth } = loadConfig({});
    expect(auth.sessionTtlSeconds).toBe(12 * 3600);
    expect(auth.sessionIdleTimeoutSeconds).toBe(3600);
  });

  it('take whole seconds', () => {
    const { auth } = loadConfig({ SESSION_TTL: '7200', SESSION_IDLE_TIMEOUT: '900' });
    expect(auth.sessionTtlSeconds).toBe(7200);
    expect(auth.sessionIdleTimeoutSeconds).toBe(900);
  });

  it.each([
    ['SESSION_TTL', '0'],
    ['SESSION_TTL', '59'],
    ['SESSION_TTL', '1h'],
    ['SESSION_IDLE_TIMEOUT', '-5'],
    ['SESSION_IDLE_TIMEOUT', String(31 * 24 * 3600)],
  ])('refuse %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
