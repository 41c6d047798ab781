import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '@tel/core';
import { AUTH_SECRET_FILE, resolveAuthSecret } from './auth-secret';

describe('resolveAuthSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-secret-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: dir, ...env });

  it('uses AUTH_SECRET when set', () => {
    const secret = 's'.repeat(32);
    expect(resolveAuthSecret(config({ AUTH_SECRET: secret, NODE_ENV: 'production' }))).toBe(secret);
    expect(fs.existsSync(path.join(dir, AUTH_SECRET_FILE))).toBe(false);
  });

  it('refuses to start in production without AUTH_SECRET', () => {
    expect(() => resolveAuthSecret(config({ NODE_ENV: 'production' }))).toThrow(ConfigError);
    expect(() => resolveAuthSecret(config({ NODE_ENV: 'production' }))).toThrow(/AUTH_SECRET is required/);
  });

  it('rejects an AUTH_SECRET shorter than 32 characters at configuration time', () => {
    expect(() => config({ AUTH_SECRET: 'too-short' })).toThrow(ConfigError);
  });

  it('elsewhere makes a key once, in DATA_DIR/auth-secret with mode 0600, and keeps it', () => {
    const first = resolveAuthSecret(config({ NODE_ENV: 'development' }));
    const file = path.join(dir, AUTH_SECRET_FILE);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(config({ NODE_ENV: 'test' }))).toBe(first);
  });

  it('tightens a key file others can read, and refuses one too short', () => {
    const file = path.join(dir, AUTH_SECRET_FILE);
    fs.writeFileSync(file, 'k'.repeat(40), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(resolveAuthSecret(config({}))).toBe('k'.repeat(40));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, 'short');
    expect(() => resolveAuthSecret(config({}))).toThrow(ConfigError);
  });
});

describe('auth configuration', () => {
  it('has defaults', () => {
    expect(loadConfig({}).auth).toEqual({
      secret: undefined,
      tokenTtlSeconds: 28800,
      sessionTtlSeconds: 43200,
      sessionIdleTimeoutSeconds: 3600,
      bootstrapAdminEmail: undefined,
      bootstrapAdminPassword: undefined,
      loginMaxFailures: 5,
      loginMaxFailuresPerIp: 100,
      loginBlockSeconds: 900,
      loginSlowdownSeconds: 10,
    });
  });

  it('reads and checks the settings', () => {
    const auth = loadConfig({
      TOKEN_TTL: '60',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_IP: '30',
      LOGIN_BLOCK_SECONDS: '120',
      BOOTSTRAP_ADMIN_EMAIL: 'a@example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'twelve chars',
    }).auth;
    expect(auth).toMatchObject({ tokenTtlSeconds: 60, loginMaxFailures: 3, loginMaxFailuresPerIp: 30, loginBlockSeconds: 120, bootstrapAdminEmail: 'a@example.org' });
    expect(() => loadConfig({ TOKEN_TTL: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ TOKEN_TTL: '8h' })).toThrow(ConfigError);
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'a@example.org' })).toThrow(/both/);
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_PASSWORD: 'twelve chars' })).toThrow(/both/);
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'a@example.org', BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(/12 to 256/);
  });
});
