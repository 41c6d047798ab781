import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '@tel/core';
import type { SearchRequest } from '../search-index';
import { parseSearchQuery } from '../../text/search-text';
import type { SearchPage, SqliteRankingOptions } from './sqlite-search-reader';
import type { SearchWorkerData, SearchWorkerRequest } from './sqlite-search.worker';

/** The worker as compiled by `npm run build` (dist/), and its TypeScript source (ts-jest, ts-node). */
const COMPILED_WORKER = path.join(__dirname, 'sqlite-search.worker.js');
const SOURCE_WORKER = path.join(__dirname, 'sqlite-search.worker.ts');
const TSCONFIG = path.resolve(__dirname, '../../../../../tsconfig.json');

function startWorker(workerData: SearchWorkerData): Worker {
  if (fs.existsSync(COMPILED_WORKER)) return new Worker(COMPILED_WORKER, { workerData });
  // No compiled file next to this one: we run from TypeScript (jest, ts-node), so the worker
  // compiles its own modules with ts-node, transpile only (they import no path alias).
  const boot = `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(TSCONFIG)} }); require(${JSON.stringify(SOURCE_WORKER)});`;
  return new Worker(boot, { eval: true, workerData });
}

interface Job {
  message: SearchWorkerRequest;
  resolve(page: SearchPage): void;
  reject(error: Error): void;
}
interface Slot {
  worker: Worker | null;
  job: Job | null;
}
type Reply = { id: number; page: SearchPage; regionalTables: boolean; error?: undefined } | { id: number; error: string };

/**
 * Searches of the SQLite index on a few worker threads, so that concurrent searches use every
 * core and the API's event loop stays free (a search of a word on most pages is tens of ms of
 * CPU). Hand-written over node:worker_threads rather than piscina: the pool must hold one
 * read-only database connection per thread (opened once, reused), fail a request with a coded,
 * retryable error when its worker dies, and terminate with the application — a screenful of code
 * that the text extractor's pool (extraction/text-extractor.ts) already follows.
 *
 * Workers start on first use and are replaced the same way: a worker that crashes or is
 * terminated fails its request (SEARCH_WORKER_FAILED, retry) and the next request starts a fresh
 * one. Requests wait in a queue while every worker is busy.
 */
export class SqliteSearchPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    size: number,
    private readonly ranking: SqliteRankingOptions = {},
  ) {
    this.slots = Array.from({ length: Math.max(1, Math.floor(size)) }, () => ({ worker: null, job: null }));
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Whether a worker has built OpenCC's regional-form tables (about 84 MB of heap each): never,
   * since queries are read here, before they reach a worker (diagnostics and tests).
   */
  regionalTablesInWorkers = false;

  /** The running worker threads (diagnostics and tests). */
  get threads(): Worker[] {
    return this.slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
  }

  search(request: SearchRequest, offset: number, first: number): Promise<SearchPage> {
    if (this.closed) return Promise.reject(AppError.serviceUnavailable('SHUTTING_DOWN', 'Search is stopping; send the search again', 1));
    return new Promise<SearchPage>((resolve, reject) => {
      // Only plain data crosses to the worker. The query is read here: its Chinese words' regional
      // forms come from OpenCC tables of about 84 MB per thread, built once in this thread rather
      // than in every worker (bench/search: peak RSS, see libs/search/README.md).
      const plain = { query: request.query, filter: request.filter, includeRestricted: request.includeRestricted === true };
      this.queue.push({ message: { id: this.nextId++, request: plain, offset, first, parsed: parseSearchQuery(request.query) }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length || this.closed) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      try {
        slot.worker ??= this.spawn(slot);
        slot.worker.postMessage(job.message);
      } catch (e) {
        this.lost(slot, slot.worker, `could not start (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = startWorker({ file: this.file, ranking: this.ranking });
    worker.unref(); // never what keeps the process alive; close() ends it
    worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (slot.worker !== worker || !job || reply.id !== job.message.id) return;
      slot.job = null;
      if (reply.error !== undefined) job.reject(new Error(`Search failed: ${reply.error}`));
      else {
        if (reply.regionalTables) this.regionalTablesInWorkers = true;
        job.resolve(reply.page);
      }
      this.pump();
    });
    worker.on('error', (err) => this.lost(slot, worker, `crashed (${err.message})`));
    worker.on('exit', (code) => this.lost(slot, worker, `stopped (exit code ${code})`));
    return worker;
  }

  /** A worker died: its request fails with a retryable error, the next request starts a new one. */
  private lost(slot: Slot, worker: Worker | null, why: string): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const job = slot.job;
    slot.job = null;
    if (worker) void worker.terminate();
    job?.reject(AppError.serviceUnavailable('SEARCH_WORKER_FAILED', `The search worker ${why}; send the search again`, 1));
    this.pump();
  }

  /** Stops every worker; waiting and running searches fail (SHUTTING_DOWN). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(AppError.serviceUnavailable('SHUTTING_DOWN', 'Search is stopping; send the search again', 1));
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        const job = slot.job;
        slot.worker = null;
        slot.job = null;
        job?.reject(AppError.serviceUnavailable('SHUTTING_DOWN', 'Search is stopping; send the search again', 1));
        if (worker) await worker.terminate();
      }),
    );
  }
}
