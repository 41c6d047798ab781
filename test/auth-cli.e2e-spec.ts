import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { APP_CONFIG, AppConfig } from '@tel/core';
import { createTestApp, errorCodes, TestApp } from '@tel/testing';
import { createCliContext } from '../apps/cli/src/cli.module';
import { CliIo, runCli } from '../apps/cli/src/commands';

// Booting an app (seed, argon2 hashes) can take more than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('the accounts CLI (e2e)', () => {
  let t: TestApp;
  let config: AppConfig;

  async function cli(argv: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
    const stdin = new PassThrough();
    stdin.end(opts.stdin ?? '');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (c) => out.push(String(c)));
    stderr.on('data', (c) => err.push(String(c)));
    const io: CliIo = { env: opts.env ?? {}, stdin, stdout, stderr };
    const code = await runCli(argv, io, () => createCliContext(config));
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  beforeAll(async () => {
    t = await createTestApp();
    config = t.app.get<AppConfig>(APP_CONFIG);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates an administrator (password on standard input) who can sign in to the API', async () => {
    const run = await cli(['create-user', '--email', 'Ops@Test.Example', '--roles', 'secretariat,ADMIN'], { stdin: 'a strong enough password\n' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^created ops@test\.example \(ADMIN, SECRETARIAT\) id=[0-9a-f-]{36}\n$/);
    const login = await t.gql(`mutation { login(input: { email: "ops@test.example", password: "a strong enough password" }) { token } }`);
    expect(login.errors).toBeUndefined();
    const me = await t.gql(`{ me { roles } }`, {}, login.data.login.token);
    expect(me.data.me.roles).toEqual(['ADMIN', 'SECRETARIAT']);
  });

  it('creates a delegate with TEL_PASSWORD and an economy', async () => {
    const run = await cli(['create-user', '--email', 'delegate@test.example', '--roles', 'DELEGATE', '--economy', 'ct'], { env: { TEL_PASSWORD: 'delegate password 1' } });
    expect(run.code).toBe(0);
    const login = await t.gql(`mutation { login(input: { email: "delegate@test.example", password: "delegate password 1" }) { token } }`);
    expect((await t.gql(`{ me { economyCode } }`, {}, login.data.login.token)).data.me.economyCode).toBe('CT');
  });

  it('makes an API token, printed once on stdout, that works against the API until the account is disabled', async () => {
    const run = await cli(['create-token', '--email', 'delegate@test.example', '--name', 'sync script']);
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^telp_[A-Za-z0-9_-]{43}$/);
    expect(run.stderr).toContain('shown once');
    expect(run.stderr).not.toContain(token);

    const me = await t.gql(`{ me { email } }`, {}, token);
    expect(me.data.me.email).toBe('delegate@test.example');

    const listed = await cli(['list-users']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^EMAIL\s+ROLES\s+STATUS\s+CREATED\s+ID$/);
    expect(listed.stdout).toMatch(/delegate@test\.example\s+DELEGATE\s+active/);

    const disabled = await cli(['disable-user', '--email', 'delegate@test.example']);
    expect(disabled).toMatchObject({ code: 0, stdout: 'disabled delegate@test.example\n' });
    expect(errorCodes(await t.gql(`{ me { email } }`, {}, token))).toEqual(['UNAUTHENTICATED']);
    expect((await cli(['list-users', '--disabled'])).stdout).toMatch(/delegate@test\.example\s+DELEGATE\s+disabled/);
    expect((await cli(['list-users', '--active'])).stdout).not.toContain('delegate@test.example');
  });

  it('audits what it does as the system', async () => {
    const admin = await t.gql(`mutation { login(input: { email: "ops@test.example", password: "a strong enough password" }) { token } }`);
    const events = await t.gql(`{ auditEvents(filter: { entityType: "User" }, first: 50) { nodes { action actorEmail requestId summary } } }`, {}, admin.data.login.token);
    const fromCli = events.data.auditEvents.nodes.filter((e) => e.requestId.startsWith('cli-'));
    expect(fromCli.map((e) => e.action)).toEqual(['user.disable', 'user.create', 'user.create']);
    expect(fromCli.every((e) => e.actorEmail === null)).toBe(true);
    expect(JSON.stringify(fromCli)).not.toMatch(/password/i);
  });

  it('refuses without a password, with a weak one, and with bad usage — never a default', async () => {
    expect((await cli(['create-user', '--email', 'nopass@test.example', '--roles', 'OVERSEER'])).code).toBe(2);
    const weak = await cli(['create-user', '--email', 'weak@test.example', '--roles', 'OVERSEER'], { stdin: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    expect((await cli(['create-user', '--email', 'd@test.example', '--roles', 'DELEGATE'], { stdin: 'a strong enough password\n' })).code).toBe(1);
    expect((await cli(['create-user', '--email', 'r@test.example', '--roles', 'ROOT'], { stdin: 'a strong enough password\n' })).code).toBe(1);
    expect((await cli(['create-user', '--roles', 'OVERSEER'], { stdin: 'a strong enough password\n' })).code).toBe(2);
    expect((await cli(['create-token', '--email', 'nobody@test.example', '--name', 'x'])).code).toBe(1);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['list-users', '--bogus'])).code).toBe(2);
    for (const email of ['nopass', 'weak', 'd', 'r']) {
      expect((await cli(['list-users'])).stdout).not.toContain(`${email}@test.example`);
    }
  });

  it('--idempotency-key: a second run answers what the first made; other options with the key are refused', async () => {
    const args = ['create-user', '--email', 'rerun@test.example', '--roles', 'OVERSEER', '--idempotency-key', 'provision-rerun-1'];
    const first = await cli(args, { env: { TEL_PASSWORD: 'a strong enough password' } });
    expect(first.code).toBe(0);
    const again = await cli(args, { env: { TEL_PASSWORD: 'a strong enough password' } });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already created \(same --idempotency-key\) rerun@test\.example \(OVERSEER\)/);
    expect(again.stdout.match(/id=(\S+)/)![1]).toBe(first.stdout.match(/id=(\S+)/)![1]);
    // Without the key, an existing e-mail is a CONFLICT, as before.
    const plain = await cli(args.slice(0, 5), { env: { TEL_PASSWORD: 'a strong enough password' } });
    expect([plain.code, plain.stderr]).toEqual([1, expect.stringContaining('CONFLICT')]);
    const other = await cli(['create-user', '--email', 'rerun-2@test.example', '--roles', 'OVERSEER', '--idempotency-key', 'provision-rerun-1'], {
      env: { TEL_PASSWORD: 'a strong enough password' },
    });
    expect([other.code, other.stderr]).toEqual([1, expect.stringMatching(/already used for a different request/)]);
    expect((await cli(['list-users'])).stdout).not.toContain('rerun-2@test.example');

    const token = ['create-token', '--email', 'rerun@test.example', '--name', 'sync', '--idempotency-key', 'provision-token-1'];
    const made = await cli(token);
    expect(made.code).toBe(0);
    const repeat = await cli(token);
    expect([repeat.code, repeat.stdout, repeat.stderr]).toEqual([1, '', expect.stringMatching(/shown only once/)]);
    const [{ n }] = await t.dataSource.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM api_token t JOIN app_user u ON u.id = t."userId" WHERE u.email = 'rerun@test.example'`,
    );
    expect(Number(n)).toBe(1);
    expect((await cli([...token.slice(0, 5), '--idempotency-key', 'has spaces'])).code).toBe(1);
  });

  it('runs as `npm run cli` against the same database', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SEED_ON_START: 'false',
      DATA_DIR: config.dataDir,
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl, DATABASE_SCHEMA: config.databaseSchema } : {}),
    };
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'cli', '--', 'list-users'], { cwd: path.join(__dirname, '..'), env, timeout: 60_000 });
    expect(stdout).toMatch(/ops@test\.example\s+ADMIN,SECRETARIAT\s+active/);
  }, 60_000);
});
