import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { INestApplicationContext } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AppError,
  ConfigError,
  createRequestContext,
  ErrorCode,
  IdempotencyScope,
  IdempotentReplay,
  loadReplay,
  Page,
  parseIdempotencyKey,
  RequestContext,
  requestFingerprint,
  Role,
  runWithIdempotency,
  UnitOfWork,
} from '@tel/core';
import { AuthService, User } from '@tel/auth';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
}

export const USAGE = `Usage: npm run cli -- <command> [options]

  create-user  --email <e-mail> --roles <ROLE,ROLE> [--economy <code>] [--idempotency-key <key>]
               The password is read from TEL_PASSWORD, or else from standard input
               (one line; typed without echo on a terminal). There is no default.
               Roles: ${Object.values(Role).join(', ')}. A DELEGATE needs --economy.
  create-token --email <e-mail> --name <name> [--expires <ISO date-time>] [--idempotency-key <key>]
               Prints a personal API token for the account. It is shown once.

  --idempotency-key: a script that may run twice gives the same key both times. The second
  run of the same command answers what the first made (create-user prints the account again
  and exits 0; create-token refuses, since a token's secret is shown only once); the same key
  with other options is refused. Keys are kept IDEMPOTENCY_TTL_HOURS (24). Without a key,
  create-user for an existing e-mail is refused (CONFLICT), and create-token makes a new token.
  disable-user --email <e-mail>
               The account can no longer sign in; its tokens stop working at once.
  list-users   [--disabled | --active]

The CLI acts as the system: it may do what an ADMIN may, and its audit events have no actor
(their requestId starts with "cli-"). It uses the same DATABASE_URL / DATA_DIR as the API.
`;

export class UsageError extends Error {}

/** A context for one CLI command: no HTTP request and no actor, i.e. the system. */
export function cliContext(): RequestContext {
  return createRequestContext({ requestId: `cli-${randomUUID()}` });
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${name} is required`);
  return value.trim();
}

/** TEL_PASSWORD, or one line of standard input (without echo when it is a terminal). */
export async function readPassword(io: CliIo): Promise<string> {
  if (io.env.TEL_PASSWORD !== undefined && io.env.TEL_PASSWORD !== '') return io.env.TEL_PASSWORD;
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await promptHidden(io, 'Password: ');
    const again = await promptHidden(io, 'Password again: ');
    if (first !== again) throw new UsageError('the passwords differ');
    return first;
  }
  const line = await readFirstLine(io.stdin);
  if (!line) throw new UsageError('no password: set TEL_PASSWORD or pipe it on standard input');
  return line;
}

async function readFirstLine(stream: Readable): Promise<string> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}

function promptHidden(io: CliIo, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    io.stderr.write(question);
    const stdin = io.stdin;
    let value = '';
    stdin.setRawMode!(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          io.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new UsageError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

/**
 * Runs `create` once per --idempotency-key: the CLI is the system (caller "cli"), and the key is
 * claimed in the transaction that creates, exactly as for API requests. Returns the first run's
 * result on a repeat, with `replayed`.
 */
async function once<T>(
  app: INestApplicationContext,
  rawKey: string | undefined,
  operation: string,
  args: unknown,
  create: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const key = rawKey === undefined ? undefined : parseIdempotencyKey(rawKey);
  if (key === undefined) return { result: await create(), replayed: false };
  const config = app.get<AppConfig>(APP_CONFIG);
  const scope = new IdempotencyScope('cli', key, operation, requestFingerprint(operation, args), config.idempotencyTtlSeconds);
  try {
    return { result: await runWithIdempotency(scope, create), replayed: false };
  } catch (error) {
    if (!(error instanceof IdempotentReplay)) throw error;
    return { result: (await loadReplay(app.get(UnitOfWork).manager, error)) as T, replayed: true };
  }
}

export async function createUserCommand(app: INestApplicationContext, argv: string[], io: CliIo): Promise<User> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, roles: { type: 'string' }, economy: { type: 'string' }, 'idempotency-key': { type: 'string' } },
    strict: true,
  });
  const email = required(values, 'email');
  const roles = required(values, 'roles')
    .split(',')
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean) as Role[];
  const password = await readPassword(io);
  const input = { email, password, roles, economyCode: values.economy ?? null };
  const { result: user, replayed } = await once(app, values['idempotency-key'], 'createUser', { input }, () => app.get(AuthService).createUser(cliContext(), input));
  io.stdout.write(`${replayed ? 'already created (same --idempotency-key)' : 'created'} ${user.email} (${user.roles.join(', ')}) id=${user.id}\n`);
  return user;
}

export async function createTokenCommand(app: INestApplicationContext, argv: string[], io: CliIo): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' }, 'idempotency-key': { type: 'string' } },
    strict: true,
  });
  const email = required(values, 'email');
  const name = required(values, 'name');
  const input = { name, expiresAt: values.expires ?? null };
  const { result } = await once(app, values['idempotency-key'], 'createApiToken', { email, input }, () => app.get(AuthService).createApiTokenFor(cliContext(), email, input));
  const { token, apiToken } = result;
  io.stderr.write(
    `API token "${apiToken.name}" for ${email} (id ${apiToken.id}${apiToken.expiresAt ? `, expires ${apiToken.expiresAt.toISOString()}` : ''}). It is shown once; store it now:\n`,
  );
  io.stdout.write(`${token}\n`);
  return token;
}

export async function disableUserCommand(app: INestApplicationContext, argv: string[], io: CliIo): Promise<User> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' } }, strict: true });
  const user = await app.get(AuthService).disableUser(cliContext(), required(values, 'email'));
  io.stdout.write(`disabled ${user.email}\n`);
  return user;
}

export async function listUsersCommand(app: INestApplicationContext, argv: string[], io: CliIo): Promise<User[]> {
  const { values } = parseArgs({ args: argv, options: { disabled: { type: 'boolean' }, active: { type: 'boolean' } }, strict: true });
  if (values.disabled && values.active) throw new UsageError('give --disabled or --active, not both');
  const auth = app.get(AuthService);
  const disabled = values.disabled ? true : values.active ? false : null;
  const users: User[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<User> = await auth.listUsers({ disabled }, { first: 100, after });
    users.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const rows = users.map((u) => [u.email, u.roles.join(','), u.disabled ? 'disabled' : 'active', u.createdAt.toISOString().slice(0, 10), u.id]);
  const header = ['EMAIL', 'ROLES', 'STATUS', 'CREATED', 'ID'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows])
    io.stdout.write(
      `${row
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd()}\n`,
    );
  return users;
}

export const COMMANDS: Record<string, (app: INestApplicationContext, argv: string[], io: CliIo) => Promise<unknown>> = {
  'create-user': createUserCommand,
  'create-token': createTokenCommand,
  'disable-user': disableUserCommand,
  'list-users': listUsersCommand,
};

/**
 * Runs one command and returns the exit code: 0 done, 1 refused or failed, 2 usage error.
 * `open` makes the application context (the real one opens the database from the environment).
 */
export async function runCli(argv: string[], io: CliIo, open: () => Promise<INestApplicationContext>): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  let app: INestApplicationContext | undefined;
  try {
    app = await open();
    await command(app, rest, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`Configuration error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof AppError) {
      io.stderr.write(`error: ${error.message}${error.code === ErrorCode.FORBIDDEN ? '' : ` (${error.code})`}\n`);
      return 1;
    }
    io.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  } finally {
    await app?.close();
  }
}
