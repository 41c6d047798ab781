/**
 * `npm run bench:request`: the real API's per-request cost against a bare NestJS + Apollo +
 * TypeORM server answering the same queries on the same SQLite database (TEL37, seeded by the
 * real API's first start), in the same run on the same machine.
 *
 * For each scenario (a simple and a nested query, anonymous and signed in with an API token),
 * both servers get the same closed-loop load (BENCH_CONNECTIONS clients over keep-alive HTTP)
 * for BENCH_SECONDS, in BENCH_ROUNDS alternating rounds (real, bare, real, bare …; the order
 * flips every round so neither always follows the other) after a warm-up of each. The ratio is
 * real req/s ÷ bare req/s over all rounds; the target is ≥ 0.9.
 *
 * BENCH_SCENARIOS (names or prefixes, separated by ';', e.g. "simple, anonymous") runs only those.
 * BENCH_PROFILE=1 also runs the real API with --cpu-prof and prints the top of its profile
 * (bench/request/profile-summary.ts) when it stops. Writes bench/results/request.json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureServerBuild } from '../../libs/testing/src/server-build';
import { runLoad, LoadResult } from './load';
import { compareProfiles, summariseProfile } from './profile-summary';
import { post, Server, settle, startBare, startReal } from './servers';

const ROOT = path.resolve(__dirname, '../..');
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = num('BENCH_SECONDS', 5);
const ROUNDS = num('BENCH_ROUNDS', 4);
const CONNECTIONS = num('BENCH_CONNECTIONS', 8);
const WARMUP_SECONDS = num('BENCH_WARMUP_SECONDS', 3);
const PROFILE = process.env.BENCH_PROFILE === '1';
const TARGET = 0.9;

const QUERIES = {
  /** One row by a unique key: the smallest read a client makes. */
  simple: '{ meeting(code: "TEL37") { id code number title city startDate endDate timeZone } }',
  /** A meeting with its group and its timetable: three statements on either server. */
  nested: '{ meeting(code: "TEL37") { code title group { code name } sessions { kind title tentative } } }',
};

interface Scenario {
  name: string;
  query: string;
  /** Sent to both servers; the bare one ignores it. */
  headers: Record<string, string>;
}

interface Side {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  cpuMsPerRequest: number;
  rounds: LoadResult[];
}

/** Requests each server answered under load (warm-ups included), to put the profiles per request. */
const served = { real: 0, bare: 0 };

async function round(server: Server, s: Scenario, seconds: number): Promise<{ load: LoadResult; cpuMs: number }> {
  const cpu0 = server.cpuMs();
  const load = await runLoad({ url: `${server.url}/graphql`, body: JSON.stringify({ query: s.query }), headers: s.headers, connections: CONNECTIONS, seconds });
  const cpuMs = server.cpuMs() - cpu0;
  served[server.name as 'real' | 'bare'] += load.requests;
  if (load.failures) throw new Error(`${server.name} failed ${load.failures} request(s) of ${s.name}: ${load.firstFailure}`);
  return { load, cpuMs };
}

function side(results: { load: LoadResult; cpuMs: number }[]): Side {
  const requests = results.reduce((n, r) => n + r.load.requests, 0);
  const seconds = results.reduce((n, r) => n + r.load.seconds, 0);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    rps: requests / seconds,
    // Per-round percentiles, their median: rounds are equally long.
    p50Ms: median(results.map((r) => r.load.p50Ms)),
    p95Ms: median(results.map((r) => r.load.p95Ms)),
    cpuMsPerRequest: results.reduce((n, r) => n + r.cpuMs, 0) / requests,
    rounds: results.map((r) => r.load),
  };
}

async function main(): Promise<void> {
  ensureServerBuild();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-bench-request-'));
  const dataDir = path.join(work, 'data');
  const profileDir = path.join(work, 'profile');
  const adminEmail = 'bench-admin@example.org';
  const adminPassword = 'bench passphrase for the request path';
  console.log(`work dir ${work}; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per server and scenario`);

  // The first start seeds TEL37 and indexes its papers; the measured one starts on that database.
  const seeding = await startReal({ dataDir, logDir: work, adminEmail, adminPassword, nodeFlags: [] });
  try {
    await settle(seeding);
  } finally {
    await seeding.stop();
  }
  const real = await startReal({ dataDir, logDir: work, adminEmail, adminPassword, nodeFlags: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, 'real')}`] : [] });
  const servers: Server[] = [real];
  try {
    const bare = await startBare(path.join(dataDir, 'tel-registry.sqlite'), work, PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, 'bare')}`] : []);
    servers.push(bare);

    // Signed in: an API token, as a script holds (one indexed read per request on the real API).
    const login = await post(real.url, { query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: adminEmail, password: adminPassword } } });
    const session = login.json?.data?.login?.token as string;
    if (!session) throw new Error(`login failed: ${JSON.stringify(login.json)}`);
    const created = await post(real.url, { query: 'mutation { createApiToken(input: { name: "bench" }) { token } }' }, { authorization: `Bearer ${session}` });
    const apiToken = created.json?.data?.createApiToken?.token as string;
    if (!apiToken) throw new Error(`createApiToken failed: ${JSON.stringify(created.json)}`);

    const all: Scenario[] = [
      { name: 'simple, anonymous', query: QUERIES.simple, headers: {} },
      { name: 'simple, API token', query: QUERIES.simple, headers: { authorization: `Bearer ${apiToken}` } },
      { name: 'nested, anonymous', query: QUERIES.nested, headers: {} },
      { name: 'nested, API token', query: QUERIES.nested, headers: { authorization: `Bearer ${apiToken}` } },
    ];
    const wanted = (process.env.BENCH_SCENARIOS ?? '').split(/\s*;\s*/).filter(Boolean);
    const scenarios = wanted.length ? all.filter((s) => wanted.some((w) => s.name.startsWith(w))) : all;
    if (!scenarios.length) throw new Error(`BENCH_SCENARIOS=${process.env.BENCH_SCENARIOS} names none of: ${all.map((s) => s.name).join('; ')}`);

    // Both servers must give the same answer, or the comparison means nothing.
    for (const s of scenarios) {
      const [a, b] = await Promise.all([post(real.url, { query: s.query }, s.headers), post(bare.url, { query: s.query }, s.headers)]);
      if (JSON.stringify(a.json) !== JSON.stringify(b.json))
        throw new Error(`the servers answer ${s.name} differently:\nreal ${JSON.stringify(a.json)}\nbare ${JSON.stringify(b.json)}`);
    }

    const results: { scenario: string; query: string; real: Side; bare: Side; ratio: number }[] = [];
    for (const s of scenarios) {
      await round(real, s, WARMUP_SECONDS);
      await round(bare, s, WARMUP_SECONDS);
      const runs: Record<'real' | 'bare', { load: LoadResult; cpuMs: number }[]> = { real: [], bare: [] };
      for (let i = 0; i < ROUNDS; i++) {
        const order = i % 2 === 0 ? [real, bare] : [bare, real];
        for (const server of order) runs[server.name as 'real' | 'bare'].push(await round(server, s, SECONDS));
      }
      const r = side(runs.real);
      const b = side(runs.bare);
      results.push({ scenario: s.name, query: s.query, real: r, bare: b, ratio: r.rps / b.rps });
      console.log(`${s.name}: real ${r.rps.toFixed(0)} req/s, bare ${b.rps.toFixed(0)} req/s, ratio ${(r.rps / b.rps).toFixed(3)}`);
    }

    const cell = (n: number, digits = 1) => n.toFixed(digits).padStart(8);
    console.log('\nscenario              real req/s  p50 ms  p95 ms  cpu ms/req | bare req/s  p50 ms  p95 ms  cpu ms/req | real/bare (target ≥ 0.9)');
    for (const r of results) {
      console.log(
        `${r.scenario.padEnd(20)} ${cell(r.real.rps, 0)}   ${cell(r.real.p50Ms, 2)} ${cell(r.real.p95Ms, 2)} ${cell(r.real.cpuMsPerRequest, 3)}   | ${cell(r.bare.rps, 0)}   ${cell(r.bare.p50Ms, 2)} ${cell(r.bare.p95Ms, 2)} ${cell(r.bare.cpuMsPerRequest, 3)}   | ${r.ratio.toFixed(3)} ${r.ratio >= TARGET ? 'ok' : 'below'}`,
      );
    }
    const out = path.join(ROOT, 'bench', 'results', 'request.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg(), node: process.version },
          settings: { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, warmupSeconds: WARMUP_SECONDS, profiled: PROFILE },
          target: TARGET,
          results,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`\nwrote ${path.relative(ROOT, out)}`);
  } finally {
    for (const s of servers) await s.stop();
  }
  if (PROFILE) {
    // The main thread's profile (worker threads, if any ran, write their own).
    const mainProfile = (dir: string) => {
      const file = fs.readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
      if (!file) throw new Error(`no profile in ${dir}`);
      return path.join(dir, file);
    };
    const realProfile = mainProfile(path.join(profileDir, 'real'));
    const bareProfile = mainProfile(path.join(profileDir, 'bare'));
    console.log(`\nprofile of the real API: ${realProfile}`);
    console.log(summariseProfile(realProfile, 25, served.real));
    console.log(`\nthe bare server's: ${bareProfile}`);
    console.log(summariseProfile(bareProfile, 10, served.bare));
    console.log(`\n${compareProfiles({ file: realProfile, requests: served.real }, { file: bareProfile, requests: served.bare })}`);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
