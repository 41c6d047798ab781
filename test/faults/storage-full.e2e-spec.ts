import { Logger } from '@nestjs/common';
import BetterSqlite3 from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig, Role, sqliteFileFor } from '@tel/core';
import { createTestApp, TestApp, tokenFor } from '@tel/testing';
import { reportDrill } from './drill-report';

/**
 * Fault drill: the database runs out of room while registrations and uploads keep coming, then
 * gets room again. Every write the server acknowledged must be there afterwards (read through a
 * connection of its own, so only committed data counts), every refused one must have been
 * answered INSUFFICIENT_STORAGE and left nothing, none may be there twice, and writes must land
 * again once there is room.
 *
 * SQLite: a real full database, by `PRAGMA max_page_count` on the server's connection.
 * PostgreSQL: a full disk cannot be made without privileges on the database server, so the drill
 * makes COMMIT fail the way a full disk does — SQLSTATE 53100 (disk_full), raised by a deferred
 * constraint trigger on the tables written — which exercises the same path: a failed COMMIT, a
 * coded answer, a clean connection afterwards. It does not prove how PostgreSQL itself behaves on
 * a full disk.
 */

type Outcome = 'acknowledged' | 'refused' | 'other';
interface Attempt {
  kind: 'registration' | 'upload';
  key: string; // the title of a registration, the sha256 of an upload
  phase: 'room' | 'full' | 'room again';
  outcome: Outcome;
  answer: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('fault drill: the database fills up under writes, then gets room again', () => {
  let t: TestApp;
  let config: AppConfig;
  let secretariat: string;
  let symbols: string[];
  let quiet: jest.SpyInstance[];
  let makeFull: () => Promise<void>;
  let giveRoom: () => Promise<void>;
  /** Committed rows, seen through a connection of the drill's own. */
  let committed: () => Promise<{ titles: string[]; shas: string[] }>;
  let seq = 0;

  const register = async (phase: Attempt['phase']): Promise<Attempt> => {
    const title = `Full drill registration ${seq++} ${randomBytes(4).toString('hex')}`;
    const res = await t.gql(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
      { input: { meetingCode: 'TEL37', code: 'FULL', groupCode: 'SPSG', title, type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' } },
      secretariat,
    );
    const code = res.errors?.[0]?.extensions?.code;
    const outcome: Outcome = res.data?.registerDocument?.symbol && !res.errors ? 'acknowledged' : code === 'INSUFFICIENT_STORAGE' ? 'refused' : 'other';
    return { kind: 'registration', key: title, phase, outcome, answer: code ? String(code) : 'ok' };
  };

  const upload = async (phase: Attempt['phase']): Promise<Attempt> => {
    const n = seq++;
    const content = Buffer.concat([Buffer.from(`Full drill upload ${n} ${randomBytes(8).toString('hex')}\n`), Buffer.alloc(6000, 'x'), Buffer.from('\n')]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), `full-${n}.txt`);
    const symbol = symbols[n % symbols.length];
    const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretariat}` },
      body: form,
    });
    const body = (await res.json()) as { error?: { code?: string } };
    const outcome: Outcome = res.status === 201 ? 'acknowledged' : res.status === 507 && body.error?.code === 'INSUFFICIENT_STORAGE' ? 'refused' : 'other';
    if (outcome === 'refused') expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    return { kind: 'upload', key: sha256(content), phase, outcome, answer: `${res.status} ${body.error?.code ?? ''}`.trim() };
  };

  /** `count` writes at once, registrations and uploads mixed; `during` runs while they are in flight. */
  const wave = async (phase: Attempt['phase'], count: number, during?: () => Promise<void>): Promise<Attempt[]> => {
    const writes = Array.from({ length: count }, (_, i) => (i % 2 ? upload(phase) : register(phase)));
    if (during) {
      await new Promise((r) => setTimeout(r, 5));
      await during();
    }
    return Promise.all(writes);
  };

  beforeAll(async () => {
    // The refused writes and the index jobs that cannot write while the database is full log
    // warnings and errors: expected here, kept out of the output.
    quiet = [jest.spyOn(Logger.prototype, 'warn').mockImplementation(), jest.spyOn(Logger.prototype, 'error').mockImplementation()];
    t = await createTestApp({ env: { JOB_BACKOFF_MS: '50' } });
    config = t.app.get<AppConfig>(APP_CONFIG);
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    symbols = [];
    for (let i = 0; i < 3; i++) {
      const a = await register('room');
      expect(a.outcome).toBe('acknowledged');
      const [row] = await t.dataSource.query<{ symbol: string }[]>(`SELECT symbol FROM document WHERE title = ${t.dialect === 'postgres' ? '$1' : '?'}`, [a.key]);
      symbols.push(row.symbol);
    }

    if (t.dialect === 'sqlite') {
      const db = (t.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
      makeFull = () => Promise.resolve(void db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`));
      giveRoom = () => Promise.resolve(void db.pragma('max_page_count = 1073741823'));
      committed = () => {
        const own = new BetterSqlite3(sqliteFileFor(config), { readonly: true, fileMustExist: true });
        try {
          const titles = own.prepare(`SELECT title FROM document WHERE title LIKE 'Full drill %'`).all() as { title: string }[];
          const shas = own.prepare(`SELECT sha256 FROM document_file`).all() as { sha256: string }[];
          return Promise.resolve({ titles: titles.map((r) => r.title), shas: shas.map((r) => r.sha256) });
        } finally {
          own.close();
        }
      };
    } else {
      await t.dataSource.query(`CREATE TABLE drill_disk (is_full boolean NOT NULL)`);
      await t.dataSource.query(`INSERT INTO drill_disk VALUES (false)`);
      await t.dataSource.query(`
        CREATE FUNCTION drill_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT is_full FROM drill_disk) THEN
            RAISE EXCEPTION 'could not extend file: No space left on device (fault drill)' USING ERRCODE = '53100';
          END IF;
          RETURN NULL;
        END $$`);
      for (const table of ['document', 'document_file']) {
        await t.dataSource.query(
          `CREATE CONSTRAINT TRIGGER drill_disk_full AFTER INSERT ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION drill_disk_full()`,
        );
      }
      makeFull = async () => void (await t.dataSource.query(`UPDATE drill_disk SET is_full = true`));
      giveRoom = async () => void (await t.dataSource.query(`UPDATE drill_disk SET is_full = false`));
      committed = async () => {
        const own = new Client({ connectionString: config.databaseUrl, options: `-c search_path=${config.databaseSchema}` });
        await own.connect();
        try {
          const titles = await own.query<{ title: string }>(`SELECT title FROM document WHERE title LIKE 'Full drill %'`);
          const shas = await own.query<{ sha256: string }>(`SELECT sha256 FROM document_file`);
          return { titles: titles.rows.map((r) => r.title), shas: shas.rows.map((r) => r.sha256) };
        } finally {
          await own.end();
        }
      };
    }
  });
  afterAll(async () => {
    await giveRoom?.();
    await t?.close();
    quiet?.forEach((spy) => spy.mockRestore());
  });

  it('loses no acknowledged write, duplicates none, and refuses the rest with INSUFFICIENT_STORAGE', async () => {
    const attempts: Attempt[] = [...(await wave('room', 10))];
    await makeFull();
    attempts.push(...(await wave('full', 16)), ...(await wave('full', 16)));
    // Room again while a wave is in flight: some of it may still be refused, none may be lost.
    attempts.push(...(await wave('full', 16, giveRoom)));
    attempts.push(...(await wave('room again', 16)));

    const { titles, shas } = await committed();
    const times = (list: string[], key: string) => list.filter((k) => k === key).length;
    const present = attempts.filter((a) => times(a.kind === 'registration' ? titles : shas, a.key) > 0);
    const duplicated = attempts.filter((a) => times(a.kind === 'registration' ? titles : shas, a.key) > 1);
    const acknowledged = attempts.filter((a) => a.outcome === 'acknowledged');
    const refused = attempts.filter((a) => a.outcome === 'refused');
    const lost = acknowledged.filter((a) => !present.includes(a));
    const refusedButThere = refused.filter((a) => present.includes(a));
    const by = (kind: Attempt['kind'], outcome: Outcome) => attempts.filter((a) => a.kind === kind && a.outcome === outcome).length;
    reportDrill(
      'database full, then room again',
      t.dialect === 'sqlite' ? 'sqlite, PRAGMA max_page_count' : 'postgres, SQLSTATE 53100 at COMMIT (simulated)',
      { attempted: attempts.length, acknowledged: acknowledged.length, present: present.length, duplicated: duplicated.length },
      `registrations ${by('registration', 'acknowledged')} ok / ${by('registration', 'refused')} refused; uploads ${by('upload', 'acknowledged')} ok / ${by('upload', 'refused')} refused`,
    );

    expect(attempts.filter((a) => a.outcome === 'other').map((a) => `${a.kind} in ${a.phase}: ${a.answer}`)).toEqual([]);
    expect(refused.length).toBeGreaterThan(0); // the database really was full
    expect(refused.some((a) => a.kind === 'registration') && refused.some((a) => a.kind === 'upload')).toBe(true);
    expect(attempts.filter((a) => a.phase !== 'full').every((a) => a.outcome === 'acknowledged')).toBe(true);
    expect(lost.map((a) => a.key)).toEqual([]);
    expect(refusedButThere.map((a) => a.key)).toEqual([]);
    expect(duplicated.map((a) => a.key)).toEqual([]);
    // No refused upload left its bytes in staging.
    const staging = path.join(config.filesDir, 'staging');
    expect(fs.readdirSync(staging)).toEqual([]);
    if (t.dialect === 'sqlite') {
      expect((t.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection.inTransaction).toBe(false);
    }
  });
});
