/**
 * One benchmark target in its own process, in one layout: builds it from the corpus file (cut
 * into that layout's files), then times the query classes at concurrency 1 and 8, and writes its
 * numbers (with its peak RSS) as JSON.
 * Usage (run.ts does this): engine.ts <target> <layout> <corpus.jsonl> <queries.json> <workDir> <out.json> <plan.json>
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { CorpusFile, inLayout, Layout } from './corpus';
import type { GraphqlTarget } from './graphql-target';
import type { BenchQuery, QueryClass } from './queries';
import { SearchTarget, TargetName, targetFor } from './targets';

export interface Plan {
  /** Samples per class at concurrency 1 (cycling through the class's queries). */
  samples: number;
  /** Waves of 8 simultaneous queries per class at concurrency 8 (0 = left out). */
  waves: number;
  /**
   * How concurrency 8 is driven: `waves` (default) — 8 queries start together, the next 8 when
   * all are done; `closed` — 8 clients each send their next query as soon as the last returned
   * (waves × 8 queries in all), which also gives the throughput.
   */
  c8Mode?: 'waves' | 'closed';
  classes: QueryClass[];
  /**
   * Stop building after this many seconds (wall time of the index calls): the target then answers
   * over the pages it has, and the result says so (`stoppedEarly`); run.ts prints it as partial.
   */
  buildLimitSeconds?: number;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface EngineResult {
  target: TargetName;
  layout: Layout;
  /** Pages and files built (fewer than the corpus's when the build stopped early). */
  pages: number;
  files: number;
  buildSeconds: number;
  pagesPerSecond: number;
  /** CPU time of the build (this process): what it costs, whatever else the machine runs. */
  buildCpuSeconds: number;
  pagesPerCpuSecond: number;
  peakRssMb: number;
  rssAfterBuildMb: number;
  diskMb: number | null;
  classes: Partial<Record<QueryClass, ClassResult>>;
  /** A target served by another process (graphql): that process's numbers. */
  server?: { peakRssMb: number | null; documents: number };
  /** Why the build stopped before the end of the corpus (plan.buildLimitSeconds). */
  stoppedEarly?: string;
  /** CPU time of this whole process (build and queries) and, for graphql, of the API process too. */
  processCpuSeconds: number;
}

export interface ClassResult {
  c1: LatencyStats;
  c8: LatencyStats | null;
  /** This process's CPU per query (for graphql: the client's; see serverCpuMsPerQuery). */
  cpu: LatencyStats;
  totalCounts: number[];
  /** How many of the class's queries the engine answered with an estimated totalCount. */
  estimatedCounts: number;
  /** The slowest first search of the class's queries (the untimed warm-up), in ms. */
  firstMaxMs?: number;
  /** Queries per second at concurrency 1 (one after another) and 8 (closed loop only). */
  c1PerSecond: number;
  c8PerSecond?: number;
  /** graphql: the API process's CPU time over the c=1 run, per query. */
  serverCpuMsPerQuery?: number;
}

function isGraphql(target: SearchTarget): target is GraphqlTarget {
  return typeof (target as Partial<GraphqlTarget>).serverCpuMs === 'function';
}

function stats(samples: number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}

async function main(): Promise<void> {
  const [name, layout, corpusFile, queriesFile, workDir, outFile, planFile] = process.argv.slice(2) as [TargetName, Layout, string, string, string, string, string];
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as Plan;
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as Record<QueryClass, BenchQuery[]>;
  const target = await targetFor(name, layout, workDir);

  let pages = 0;
  let files = 0;
  let buildMs = 0;
  let buildCpuUs = 0;
  let stoppedEarly: string | undefined;
  const lines = readline.createInterface({ input: fs.createReadStream(corpusFile), crlfDelay: Infinity });
  build: for await (const line of lines) {
    if (!line) continue;
    for (const file of inLayout(JSON.parse(line) as CorpusFile, layout)) {
      if (plan.buildLimitSeconds && buildMs > plan.buildLimitSeconds * 1000) {
        stoppedEarly = `build stopped at the ${plan.buildLimitSeconds} s limit`;
        break build;
      }
      const t = performance.now();
      const cpu = process.cpuUsage();
      await target.add(file);
      const used = process.cpuUsage(cpu);
      buildCpuUs += used.user + used.system;
      buildMs += performance.now() - t;
      pages += file.chunks.length;
      files++;
    }
  }
  lines.close();
  const t = performance.now();
  const cpu = process.cpuUsage();
  await target.finish();
  const used = process.cpuUsage(cpu);
  buildCpuUs += used.user + used.system;
  buildMs += performance.now() - t;
  const rssAfterBuildMb = Math.round(process.memoryUsage().rss / 1048576);
  await target.ready?.();

  const result: EngineResult = {
    target: name,
    layout,
    pages,
    files,
    buildSeconds: Math.round(buildMs) / 1000,
    pagesPerSecond: buildMs > 0 ? Math.round((pages / buildMs) * 1000) : 0,
    buildCpuSeconds: Math.round(buildCpuUs / 1000) / 1000,
    pagesPerCpuSecond: buildCpuUs > 0 ? Math.round((pages / buildCpuUs) * 1e6) : 0,
    peakRssMb: 0,
    rssAfterBuildMb,
    diskMb: target.diskBytes ? Math.round((await target.diskBytes()) / 1048576) : null,
    classes: {},
    ...(stoppedEarly ? { stoppedEarly } : {}),
    processCpuSeconds: 0,
  };

  for (const cls of plan.classes) {
    const qs = queries[cls];
    const totalCounts: number[] = [];
    let estimatedCounts = 0;
    let firstMaxMs = 0;
    for (const q of qs) {
      // Warm-up, and what each finds.
      const t0 = performance.now();
      const r = await target.search(q);
      firstMaxMs = Math.max(firstMaxMs, performance.now() - t0);
      totalCounts.push(r.totalCount);
      if (r.totalCountIsEstimate) estimatedCounts++;
    }
    // What the engine does in the background after a first search (PostgreSQL: make the query's
    // kept ranking) is done before the timed searches: they time the steady state, and the first
    // searches' time is reported beside them (firstMaxMs).
    await target.settle?.();
    const c1: number[] = [];
    const cpu: number[] = [];
    const serverCpu0 = isGraphql(target) ? target.serverCpuMs() : null;
    const c1Start = performance.now();
    for (let i = 0; i < plan.samples; i++) {
      const t0 = performance.now();
      const u0 = process.cpuUsage();
      await target.search(qs[i % qs.length]);
      const u = process.cpuUsage(u0);
      c1.push(performance.now() - t0);
      cpu.push((u.user + u.system) / 1000);
    }
    const c1PerSecond = Math.round((plan.samples / ((performance.now() - c1Start) / 1000)) * 10) / 10;
    const serverCpu1 = isGraphql(target) ? target.serverCpuMs() : null;
    const c8: number[] = [];
    let c8PerSecond: number | undefined;
    if (plan.c8Mode === 'closed' && plan.waves) {
      // Concurrency 8, closed loop: eight clients, each sending its next query when the last one
      // returned; every query is timed from when it was sent.
      const n = plan.waves * 8;
      let issued = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (issued < n) {
            const q = qs[issued++ % qs.length];
            const s = performance.now();
            await target.search(q);
            c8.push(performance.now() - s);
          }
        }),
      );
      c8PerSecond = Math.round((n / ((performance.now() - t0) / 1000)) * 10) / 10;
    }
    // Concurrency 8 in waves: eight requests arrive together; each is timed from the wave's start,
    // so time spent waiting behind the others (one thread, synchronous SQLite) is counted.
    for (let w = 0; w < (plan.c8Mode === 'closed' ? 0 : plan.waves); w++) {
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, async (_, j) => {
          await target.search(qs[(w * 8 + j) % qs.length]);
          c8.push(performance.now() - t0);
        }),
      );
    }
    result.classes[cls] = {
      c1: stats(c1),
      c8: c8.length ? stats(c8) : null,
      cpu: stats(cpu),
      totalCounts,
      estimatedCounts,
      c1PerSecond,
      firstMaxMs: Math.round(firstMaxMs * 10) / 10,
    };
    if (c8PerSecond !== undefined) result.classes[cls].c8PerSecond = c8PerSecond;
    if (serverCpu0 !== null && serverCpu1 !== null) result.classes[cls].serverCpuMsPerQuery = Math.round(((serverCpu1 - serverCpu0) / plan.samples) * 100) / 100;
  }
  const serverCpuMs = isGraphql(target) ? (target.serverCpuMs() ?? 0) : 0;
  await target.close();
  const usage = process.resourceUsage();
  result.peakRssMb = Math.round(usage.maxRSS / 1024);
  result.processCpuSeconds = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e5 + serverCpuMs / 100) / 10;
  if (isGraphql(target)) result.server = { peakRssMb: target.serverPeakRssMb(), documents: target.documents() };
  fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
