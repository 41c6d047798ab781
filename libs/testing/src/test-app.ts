import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import type { DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { AppConfig, loadConfig, QueryCountingLogger, TEL_DATA_SOURCE, UnitOfWork } from '@tel/core';

/**
 * A GraphQL result as a test reads it: every property and index is again a GqlData, and it can be
 * used as a list or a string. It claims nothing about the value (the test's assertions do); it
 * only lets a test walk the JSON without `any` — for a shape that typed code relies on, pass a
 * type: `t.gql<{ me: { id: string } }>(...)`.
 */
export type GqlData = GqlList & GqlObject & string;
/** A GraphQL result's list; `find` expects to find (a miss fails the test where it reads the result). */
export interface GqlList extends Array<GqlData> {
  find(predicate: (value: GqlData, index: number, list: GqlData[]) => unknown): GqlData;
}
/** A JSON body (a REST answer) read the same way. */
export type JsonData = GqlData;
/** A GraphQL result's object: any key. */
export interface GqlObject {
  [key: string]: GqlData;
}

export interface GqlResponse<T = GqlData> {
  status: number;
  /** Absent or null when the operation failed: a test checks `errors` before it reads `data`. */
  data: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: unknown[] }[];
  headers: Headers;
}

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  uow: UnitOfWork;
  dataSource: DataSource;
  dialect: 'sqlite' | 'postgres';
  /** POST a GraphQL operation; `token` signs it in. */
  gql<T = GqlData>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /** Statements sent to the database so far (DataLoader tests compare two counts). */
  queryCount(): number;
  close(): Promise<void>;
}

/**
 * The application a test app boots: its root module for a configuration, and the HTTP settings it
 * applies. libs/testing knows no app; the app under test is passed in (apps/api exports
 * `API_TEST_TARGET`, which test/setup-test-app.ts makes the default for the e2e suite).
 */
export interface TestAppTarget {
  module(config: AppConfig): DynamicModule;
  configure?(app: NestExpressApplication, config: AppConfig): void;
}

let defaultTarget: TestAppTarget | undefined;

/** Makes `target` the application `createTestApp` boots when its options name none (a jest setup file calls this). */
export function useTestAppTarget(target: TestAppTarget): void {
  defaultTarget = target;
}

export interface TestAppOptions {
  /** The application to boot; defaults to the one given to `useTestAppTarget`. */
  target?: TestAppTarget;
  /** Load the TEL37 seed (default true). */
  seed?: boolean;
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
}

/**
 * Boots the real API on an ephemeral port over a fresh database: a temporary SQLite file, or —
 * when DATABASE_URL is set — a new PostgreSQL schema that is dropped on close.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const target = options.target ?? defaultTarget;
  if (!target) throw new Error('createTestApp: no application to boot; pass { target } or call useTestAppTarget() in a jest setup file');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-test-'));
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}` : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    SEED_ON_START: options.seed === false ? 'false' : 'true',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {}),
    ...options.env,
  });
  const app = await NestFactory.create<NestExpressApplication>(target.module(config), { bodyParser: false, logger: ['error', 'warn'] });
  target.configure?.(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const dataSource = app.get<DataSource>(TEL_DATA_SOURCE);
  const counter = app.get(QueryCountingLogger);

  return {
    app,
    url,
    dataSource,
    uow: app.get(UnitOfWork),
    dialect: config.dialect,
    queryCount: () => counter.queryCount,
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse<T>, 'status' | 'headers'>;
      return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
    },
    async close() {
      // The app first: its jobs, outbox sweeps and scheduled passes end with it. Dropped before,
      // the schema would leave them logging "relation … does not exist" into the test output.
      await app.close();
      if (schema) await dropSchema(databaseUrl!, schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Drops a test app's PostgreSQL schema on a connection of its own (the app's is closed by then). */
async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The codes of a response's errors (or of a JSON body's `errors`), for terse assertions. */
export function errorCodes(res: Pick<GqlResponse, 'errors'> | JsonData): string[] {
  const errors = (res.errors ?? []) as NonNullable<GqlResponse['errors']>;
  return errors.map((e) => String(e.extensions?.code));
}

/**
 * Waits until background jobs have settled: no file waits to be indexed and the outbox is empty
 * (Vendure's waitForJobs). Fails after `timeoutMs`.
 */
export async function waitForJobs(t: TestApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ pending }] = await t.dataSource.query<{ pending: number | string }[]>(
      `SELECT COUNT(*) AS pending FROM document_file f LEFT JOIN file_index_state s ON s."fileId" = f.id WHERE s."indexState" IS NULL OR s."indexState" = 'PENDING'`,
    );
    const [{ queued }] = await t.dataSource.query<{ queued: number | string }[]>(`SELECT COUNT(*) AS queued FROM job_outbox WHERE "dispatchedAt" IS NULL`);
    if (Number(pending) === 0 && Number(queued) === 0) return;
    if (Date.now() > deadline) throw new Error(`jobs did not settle within ${timeoutMs} ms (${pending} file(s) pending, ${queued} outbox row(s))`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
