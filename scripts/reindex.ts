/**
 * npm run reindex [-- --only-failed] [-- --only-pending]
 *
 * Rebuilds the search index from the database: extracts and upserts every document file (or only
 * the FAILED / PENDING ones), records each file INDEXED or FAILED as the index-file job does, and
 * (full runs) removes index entries of files the database no longer has. Safe while the API
 * serves: one short transaction per file, idempotent upserts, never an emptied index. Reads the
 * same environment as the API (DATA_DIR, DATABASE_URL, DATABASE_SCHEMA, SEARCH_ENGINE, MEILI_*,
 * EXTRACTION_*); needs no Redis and no HTTP.
 *
 * Progress goes to stderr (one updating line on a terminal, a line every 5 % otherwise), the
 * summary to stdout. Exit status: 0 when the walk finished (files that cannot be read as text are
 * reported, not an error), 1 when it could not run, 130 when interrupted (Ctrl-C stops after the
 * files in progress and still prints the summary).
 */
import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, DatabaseModule, loadConfig, TEL_DATA_SOURCE } from '@tel/core';
import { FileIndexer, FileIndexStates, reindex, ReindexOptions, ReindexProgress, ReindexSummary } from '@tel/document-search';
import { DocumentIndexSourceModule } from '@tel/documents';
import { ALL_ENTITIES } from '@tel/registry';
import { SearchModule } from '@tel/search';
import { StorageModule } from '@tel/storage';

const USAGE = `usage: npm run reindex [-- --only-failed] [-- --only-pending]

  (no flag)       every file; then removes index entries of files that no longer exist
  --only-failed   only files whose indexing FAILED
  --only-pending  only files still PENDING (both flags: FAILED and PENDING)`;

/**
 * The database, the search index, file storage and what documents tell search: what FileIndexer
 * needs, and nothing else (no HTTP, no job queue).
 */
@Module({})
export class ReindexModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReindexModule,
      // No migrations from here: a server may be running on this database; `npm run migrate` does that.
      imports: [DatabaseModule.forRoot({ config, entities: ALL_ENTITIES, migrate: false }), SearchModule.forRoot(), StorageModule, DocumentIndexSourceModule],
      providers: [FileIndexer, FileIndexStates],
    };
  }
}

/** Boots the reindex context; refuses a database with pending migrations. */
export async function createReindexContext(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(ReindexModule.forRoot(config), { logger: ['error', 'fatal'] });
  try {
    if (await app.get<DataSource>(TEL_DATA_SOURCE).showMigrations()) {
      throw new ConfigError('the database has pending migrations: run `npm run migrate` (or start the API) first');
    }
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

export function parseArgs(argv: string[]): ReindexOptions | 'help' {
  const options: ReindexOptions = {};
  for (const arg of argv) {
    if (arg === '--only-failed') options.onlyFailed = true;
    else if (arg === '--only-pending') options.onlyPending = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else throw new ConfigError(`unknown argument "${arg}"\n${USAGE}`);
  }
  return options;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A hand-written progress display: on a terminal one line redrawn in place (at most every 100 ms),
 * elsewhere (a log file, CI) a line each time another 5 % is done. Rate and ETA come from the
 * last 10 seconds, so a slow start (worker threads warming up) does not skew them.
 */
export class ProgressBar {
  private readonly samples: { t: number; done: number }[] = [];
  private lastDraw = 0;
  private lastStep = -1;
  private drawn = false;

  constructor(
    private readonly out: { write(s: string): unknown; isTTY?: boolean; columns?: number },
    private readonly label = 'reindex',
    private readonly now: () => number = Date.now,
  ) {}

  update(p: Pick<ReindexProgress, 'done' | 'total' | 'failed'>, final = false): void {
    const t = this.now();
    this.samples.push({ t, done: p.done });
    while (this.samples.length > 2 && t - this.samples[1].t > 10_000) this.samples.shift();
    const pct = p.total ? (p.done / p.total) * 100 : 100;
    if (this.out.isTTY) {
      if (!final && t - this.lastDraw < 100) return;
      this.lastDraw = t;
      this.out.write(`\r${this.line(p, pct, true)}\x1b[K${final ? '\n' : ''}`);
      this.drawn = !final;
      return;
    }
    const step = Math.floor(pct / 5);
    if (step <= this.lastStep) return;
    this.lastStep = step;
    this.out.write(`${this.line(p, pct, false)}\n`);
  }

  /** Ends a redrawn line before anything else is printed. */
  end(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  /** Files per second over the last 10 s (over the whole run until 1 s has passed). */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t <= first.t) return 0;
    return (last.done - first.done) / ((last.t - first.t) / 1000);
  }

  line(p: Pick<ReindexProgress, 'done' | 'total' | 'failed'>, pct: number, bar: boolean): string {
    const rate = this.rate();
    const left = p.total - p.done;
    const eta = left <= 0 ? '0s' : rate > 0 ? duration((left / rate) * 1000) : '?';
    const width = 24;
    const filled = Math.round((Math.min(pct, 100) / 100) * width);
    const gauge = bar ? ` [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : '';
    const failed = p.failed ? `  ${count(p.failed)} failed` : '';
    const speed = rate > 0 ? rate.toFixed(1) : '-';
    return `${this.label}${gauge} ${count(p.done)}/${count(p.total)} ${pct.toFixed(1).padStart(5)}%  ${speed} files/s  ETA ${eta}${failed}`;
  }
}

export function formatSummary(s: ReindexSummary): string {
  const lines: string[] = [];
  const what = s.selection === 'all' ? 'files' : `${s.selection} files`;
  lines.push(
    `reindex ${s.stopped ? 'stopped early' : 'done'}: ${count(s.total)} ${what} in ${duration(s.tookMs)} — ` +
      `${count(s.indexed)} indexed, ${count(s.failed.length)} failed${s.gone ? `, ${count(s.gone)} deleted meanwhile` : ''}`,
  );
  if (s.staleRemoved) lines.push(`removed ${count(s.staleRemoved)} index entr${s.staleRemoved === 1 ? 'y' : 'ies'} of files that no longer exist`);
  lines.push(
    `index (${s.after.engine}): ${count(s.after.files)} files, ${count(s.after.chunks)} chunks (before: ${count(s.before.files)} files, ${count(s.before.chunks)} chunks)`,
  );
  if (s.failed.length) {
    lines.push('failed:');
    const shown = s.failed.slice(0, 50);
    for (const f of shown) lines.push(`  ${f.fileId}  ${f.name}: ${f.reason}`);
    if (s.failed.length > shown.length) lines.push(`  … and ${s.failed.length - shown.length} more (indexState FAILED, reason in indexError)`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const app = await createReindexContext(config);
  const controller = new AbortController();
  const bar = new ProgressBar(process.stderr);
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    bar.end();
    process.stderr.write('interrupted: finishing the files in progress (Ctrl-C again to quit at once)\n');
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    const summary = await reindex(app, { ...parsed, signal: controller.signal, onProgress: (p) => bar.update(p, p.done === p.total) });
    bar.end();
    process.stdout.write(`${formatSummary(summary)}\n`);
    return summary.stopped ? 130 : 0;
  } finally {
    bar.end();
    await app.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`reindex: ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
