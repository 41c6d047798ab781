/**
 * npm run bench:search — the search benchmark.
 *
 * 1. Writes the deterministic corpus (100,000 pages of ~2 KB; BENCH_PAGES to change) to a JSONL
 *    file under the system temp folder, once.
 * 2. Runs each target in its own child process (peak memory is per engine): the real SQLite FTS5
 *    index (the adapter the API uses), then the naive LIKE scan over the same pages, then
 *    MiniSearch over the same pages, then `searchDocuments` through GraphQL: the real API in a
 *    process of its own, over the same pages and a Document row per corpus document.
 * 3. Prints a table and writes bench/results/search.json.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus, PLANTED } from './corpus';
import type { EngineResult, Plan } from './engine';
import { QUERY_CLASSES, QueryClass, QuerySampler } from './queries';
import type { TargetName } from './targets';

const ROOT = path.resolve(__dirname, '../..');
const PAGES = Number(process.env.BENCH_PAGES ?? 100_000);
const WORK = path.join(os.tmpdir(), 'tel-bench-search');
const ALL: QueryClass[] = QUERY_CLASSES.map((c) => c.id);

/** What each target runs; the baselines get less, and the output says so. */
const PLANS: Record<TargetName, Plan> = {
  fts: { samples: 200, waves: 25, classes: ALL },
  // A LIKE scan reads every page (seconds per query): two per class, no concurrency run.
  like: { samples: 2, waves: 0, classes: ALL },
  // MiniSearch builds at a few hundred pages/s: a subset keeps the run under ten minutes. Its
  // latency and memory on fewer pages flatter it, so the comparison errs in its favour.
  minisearch: { samples: 30, waves: 4, classes: ALL, maxPages: Math.min(PAGES, 30_000) },
  // Over HTTP: c=8 as a closed loop of 8 clients (200 queries per class), which gives throughput.
  graphql: { samples: 200, waves: 25, classes: ALL, c8Mode: 'closed' },
};

/** BENCH_TARGETS=fts (comma-separated) runs fewer targets, e.g. while tuning; fts always runs. */
const TARGETS: TargetName[] = (['fts', 'like', 'minisearch', 'graphql'] as TargetName[]).filter(
  (t) => t === 'fts' || !process.env.BENCH_TARGETS || process.env.BENCH_TARGETS.split(',').includes(t),
);

function writeCorpus(file: string, queriesFile: string): { files: number; pages: number; commonPages: number; bytes: number } {
  const sampler = new QuerySampler();
  const fd = fs.openSync(file, 'w');
  let files = 0;
  let pages = 0;
  let commonPages = 0;
  let bytes = 0;
  const common = new RegExp(`\\b${PLANTED.common.word}\\b`);
  for (const f of generateCorpus({ pages: PAGES })) {
    sampler.see(f);
    files++;
    for (const c of f.chunks) {
      pages++;
      bytes += Buffer.byteLength(c.text);
      if (common.test(c.text)) commonPages++;
    }
    fs.writeSync(fd, `${JSON.stringify(f)}\n`);
  }
  fs.closeSync(fd);
  fs.writeFileSync(queriesFile, JSON.stringify(sampler.queries(), null, 1));
  const summary = { files, pages, commonPages, bytes };
  fs.writeFileSync(`${file}.summary.json`, JSON.stringify(summary));
  return summary;
}

function runTarget(target: TargetName, corpusFile: string, queriesFile: string): EngineResult {
  const out = path.join(WORK, `${target}.result.json`);
  const planFile = path.join(WORK, `${target}.plan.json`);
  fs.writeFileSync(planFile, JSON.stringify(PLANS[target]));
  fs.rmSync(out, { force: true });
  const started = Date.now();
  execFileSync(
    process.execPath,
    [
      '--max-old-space-size=6144',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      path.join(__dirname, 'engine.ts'),
      target,
      corpusFile,
      queriesFile,
      WORK,
      out,
      planFile,
    ],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } },
  );
  process.stdout.write(`   ${target}: done in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as EngineResult;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

function main(): void {
  const began = Date.now();
  fs.mkdirSync(WORK, { recursive: true });
  const corpusFile = path.join(WORK, `corpus-${PAGES}.jsonl`);
  const queriesFile = path.join(WORK, `queries-${PAGES}.json`);
  let summary: { files: number; pages: number; commonPages: number; bytes: number };
  if (fs.existsSync(`${corpusFile}.summary.json`) && fs.existsSync(queriesFile)) {
    summary = JSON.parse(fs.readFileSync(`${corpusFile}.summary.json`, 'utf8')) as typeof summary;
    process.stdout.write(`corpus: reusing ${corpusFile}\n`);
  } else {
    process.stdout.write(`corpus: writing ${PAGES} pages to ${corpusFile}\n`);
    summary = writeCorpus(corpusFile, queriesFile);
  }
  process.stdout.write(
    `corpus: ${summary.pages} pages in ${summary.files} documents, ${(summary.bytes / summary.pages / 1024).toFixed(2)} KB/page; ` +
      `"${PLANTED.common.word}" on ${summary.commonPages} pages (${((summary.commonPages / summary.pages) * 100).toFixed(1)} %)\n`,
  );
  process.stdout.write(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );

  const results: Partial<Record<TargetName, EngineResult>> = {};
  for (const t of TARGETS) {
    process.stdout.write(`== ${t}\n`);
    results[t] = runTarget(t, corpusFile, queriesFile);
  }

  const fts = results.fts!;
  const lines: string[] = [];
  const say = (s: string) => lines.push(s);
  say('');
  say('build (index calls only)        pages     s  pages/s  CPU s  pages/CPU-s  peak RSS MB  on disk MB');
  for (const t of TARGETS) {
    const r = results[t]!;
    if (!r) continue;
    say(
      `  ${t.padEnd(28)}${pad(r.pages, 8)}${pad(r.buildSeconds.toFixed(1), 6)}${pad(r.pagesPerSecond, 9)}${pad(r.buildCpuSeconds.toFixed(1), 7)}${pad(r.pagesPerCpuSecond, 13)}` +
        `${pad(r.peakRssMb, 13)}${pad(r.diskMb ?? '-', 12)}`,
    );
  }
  say("  (like scans the pages the fts target stored: it builds nothing; graphql loads the same index into the API's database");
  say('   plus a Document, a revision and a file row per corpus document)');
  say('');
  const gql = results.graphql;
  say('latency ms                        ---- fts c=1 ----   ---- fts c=8 ----  fts CPU ms   like c=1   mini c=1   mini c=8   ---- gql c=1 ----  gql c=8  gql c=8   documents');
  say('class                              p50   p95   p99    p50   p95   p99    p50   p95        p50        p95        p95    p50   p95   p99      p95    req/s     (fts)');
  for (const c of QUERY_CLASSES) {
    const f = fts.classes[c.id]!;
    const l = results.like?.classes[c.id];
    const m = results.minisearch?.classes[c.id];
    const g = gql?.classes[c.id];
    say(
      `${c.label.padEnd(31)}${pad(f.c1.p50.toFixed(1), 6)}${pad(f.c1.p95.toFixed(1), 6)}${pad(f.c1.p99.toFixed(1), 6)} ${pad(f.c8!.p50.toFixed(1), 6)}${pad(f.c8!.p95.toFixed(1), 6)}${pad(f.c8!.p99.toFixed(1), 6)}` +
        `${pad(f.cpu.p50.toFixed(1), 6)}${pad(f.cpu.p95.toFixed(1), 6)}` +
        `${pad(l ? l.c1.p50.toFixed(0) : '-', 11)}${pad(m ? m.c1.p95.toFixed(1) : '-', 11)}${pad(m?.c8 ? m.c8.p95.toFixed(1) : '-', 11)}` +
        `${pad(g ? g.c1.p50.toFixed(1) : '-', 7)}${pad(g ? g.c1.p95.toFixed(1) : '-', 6)}${pad(g ? g.c1.p99.toFixed(1) : '-', 6)}` +
        `${pad(g?.c8 ? g.c8.p95.toFixed(1) : '-', 9)}${pad(g?.c8PerSecond !== undefined ? g.c8PerSecond.toFixed(0) : '-', 9)}${pad(Math.max(...f.totalCounts), 10)}`,
    );
  }
  if (gql) {
    say('');
    say(
      `GraphQL: searchDocuments over HTTP to the real API (its own process, NODE_ENV=production, SQLite, anonymous caller), ` +
        `${gql.pages.toLocaleString('en-US')} pages${gql.pages < summary.pages ? ` (of ${summary.pages.toLocaleString('en-US')}: a reduced corpus)` : ''}, ` +
        `${(gql.server?.documents ?? gql.files).toLocaleString('en-US')} Document rows; API peak RSS ${gql.server?.peakRssMb ?? '-'} MB, database ${gql.diskMb ?? '-'} MB.`,
    );
    say('class                          c=8 p50   p95   p99   req/s   API CPU ms/query (c=1)   totalCount as fts');
    for (const c of QUERY_CLASSES) {
      const g = gql.classes[c.id]!;
      const same = JSON.stringify(g.totalCounts) === JSON.stringify(fts.classes[c.id]!.totalCounts);
      say(
        `${c.label.padEnd(31)}${pad(g.c8!.p50.toFixed(1), 7)}${pad(g.c8!.p95.toFixed(1), 6)}${pad(g.c8!.p99.toFixed(1), 6)}${pad(g.c8PerSecond!.toFixed(0), 8)}` +
          `${pad(g.serverCpuMsPerQuery?.toFixed(1) ?? '-', 25)}   ${same ? 'same' : `differs: ${g.totalCounts.join(',')} vs ${fts.classes[c.id]!.totalCounts.join(',')}`}`,
      );
    }
  }
  const mini = results.minisearch;
  const common = fts.classes.common!;
  const targets: Record<string, boolean> = {
    'p95 ≤ 25 ms for every class (fts, c=1)': QUERY_CLASSES.every((c) => fts.classes[c.id]!.c1.p95 <= 25),
    'p95 ≤ 25 ms for every class (fts, c=8)': QUERY_CLASSES.every((c) => fts.classes[c.id]!.c8!.p95 <= 25),
    'build ≥ 5,000 pages/s': fts.pagesPerSecond >= 5000,
    'peak RSS ≤ 600 MB': fts.peakRssMb <= 600,
  };
  if (mini) {
    targets['common word ≥ 5× faster than MiniSearch (p95, c=1)'] = mini.classes.common!.c1.p95 >= 5 * common.c1.p95;
    targets['at ≤ 1/5 of MiniSearch memory'] = fts.peakRssMb * 5 <= mini.peakRssMb;
  }
  if (gql) targets['through GraphQL p95 ≤ 40 ms for every class (c=1)'] = QUERY_CLASSES.every((c) => gql.classes[c.id]!.c1.p95 <= 40);
  say('');
  for (const [k, ok] of Object.entries(targets)) say(`${ok ? 'met    ' : 'MISSED '} ${k}`);
  say('');
  say(
    `Baselines run fewer queries: like ${PLANS.like.samples} per class at c=1 and none at c=8; ` +
      `MiniSearch ${PLANS.minisearch.samples} per class at c=1 and ${PLANS.minisearch.waves} waves of 8 at c=8` +
      (mini && mini.pages < fts.pages ? `, over the first ${mini.pages} pages only` : '') +
      '; fts runs ' +
      `${PLANS.fts.samples} and ${PLANS.fts.waves} waves.`,
  );
  say('c=8: eight requests arrive at once and are timed from then, so waiting behind each other counts (one process, one thread).');
  if (gql) {
    say('gql: the client (this benchmark, another process) times each POST /graphql from send to full response over keep-alive HTTP;');
    say(`     c=8 is a closed loop: 8 clients each send the next query when their last returned, ${PLANS.graphql.waves * 8} queries per class; req/s = queries / wall time.`);
  }
  say("CPU ms / pages per CPU-s: this process's CPU time, which other load on the machine does not inflate as it does wall time.");
  say(`total ${Math.round((Date.now() - began) / 1000)} s`);
  process.stdout.write(`${lines.join('\n')}\n`);

  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/results/search.json'),
    JSON.stringify(
      { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), corpus: summary, plans: PLANS, targets, results },
      null,
      2,
    ),
  );
  process.stdout.write('wrote bench/results/search.json\n');
}

main();
