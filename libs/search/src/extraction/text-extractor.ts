import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { detectLanguage } from '../language/language';
import { cleanText } from '../text/search-text';
import { CONTENT_TYPES, ExtractedChunk, ExtractionError, ExtractionFailureKind, ExtractionResult, ExtractOptions } from './extraction.types';

/** Hand-written JavaScript next to this file (and copied beside the compiled one by the build). */
export const EXTRACTION_WORKER_FILE = path.join(__dirname, 'extraction.worker.mjs');

export interface TextExtractorOptions {
  /** Files extracted at once, each in its own worker thread (default 1). */
  concurrency?: number;
  /**
   * Old-generation heap of a worker (default 512 MB, at least 32): past it the worker is stopped
   * and the file fails. Node enforces this best-effort only — some allocation shapes (one huge
   * array or string) abort the whole process instead (nodejs/node#47224) — so inputs are also
   * capped (maxInputBytes, and text formats are decoded only up to 3 × maxTextChars bytes).
   */
  memoryLimitMb?: number;
  defaultTimeoutMs?: number;
  /** Text kept per file; the rest is dropped and `truncated` set (default 10 million characters). */
  maxTextChars?: number;
  /** Larger inputs are refused before any parsing (default 200 MB). */
  maxInputBytes?: number;
  /**
   * Pages without a text layer recognised per PDF with Tesseract, when installed (default 20;
   * 0 turns OCR off). OCR shares the file's time limit: pages left when it runs out stay unread.
   */
  ocrMaxPages?: number;
  /** Where to look for tesseract and pdftoppm (default: PATH). */
  ocrPath?: string;
}

type Kind = 'pdf' | 'docx' | 'doc' | 'rtf' | 'pptx' | 'xlsx' | 'odt' | 'odp' | 'ods' | 'txt' | 'html' | 'sniff';

/** Media types of the office formats, to the worker's extractor for each. */
const OFFICE_TYPES: Record<string, Kind> = {
  [CONTENT_TYPES.doc]: 'doc',
  [CONTENT_TYPES.rtf]: 'rtf',
  'text/rtf': 'rtf',
  [CONTENT_TYPES.pptx]: 'pptx',
  [CONTENT_TYPES.xlsx]: 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

interface Job {
  id: number;
  kind: Kind;
  charset: string | null;
  input: Buffer | string;
  timeoutMs: number;
  resolve(result: ExtractionResult): void;
  reject(error: ExtractionError): void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

interface WorkerReply {
  id: number;
  ok: boolean;
  result?: { chunks: { page: number | null; section: string | null; text: string }[]; pageCount: number | null; truncated: boolean };
  kind?: ExtractionFailureKind;
  reason?: string;
}

/** Media type (and charset) to the extractor that reads it. */
export function extractorFor(contentType: string): { kind: Kind; charset: string | null } {
  const [type, ...params] = contentType.split(';').map((s) => s.trim());
  const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1] ?? null).find((c) => c) ?? null;
  switch (type.toLowerCase()) {
    case CONTENT_TYPES.pdf:
      return { kind: 'pdf', charset };
    case CONTENT_TYPES.docx:
      return { kind: 'docx', charset };
    case CONTENT_TYPES.html:
    case 'application/xhtml+xml':
      return { kind: 'html', charset };
    case CONTENT_TYPES.txt:
    case 'text/markdown':
    case 'text/csv':
      return { kind: 'txt', charset };
    case 'application/octet-stream':
    case '':
      return { kind: 'sniff', charset };
    default: {
      const office = OFFICE_TYPES[type.toLowerCase()];
      if (office) return { kind: office, charset };
      throw new ExtractionError(
        'UNSUPPORTED_TYPE',
        `files of type ${type || 'unknown'} cannot be searched (PDF, Word (DOC, DOCX), RTF, PPTX, XLSX, OpenDocument, HTML and text can)`,
      );
    }
  }
}

/**
 * Turns uploaded files into text chunks in worker threads, so a hostile or broken file costs at
 * most its time limit and its worker's memory: on timeout the worker is terminated, on running
 * out of memory it dies; either way that file fails with a reason and a fresh worker takes the
 * next one. `extract()` never rejects with anything but an ExtractionError.
 */
export class TextExtractor {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly memoryLimitMb: number;
  private readonly defaultTimeoutMs: number;
  private readonly maxTextChars: number;
  private readonly maxInputBytes: number;
  private readonly ocrMaxPages: number;
  private readonly ocrPath: string | undefined;

  constructor(options: TextExtractorOptions = {}) {
    this.slots = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => ({ worker: null, job: null, timer: null }));
    this.memoryLimitMb = Math.max(32, options.memoryLimitMb ?? 512);
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 60_000;
    this.maxTextChars = options.maxTextChars ?? 10_000_000;
    this.maxInputBytes = options.maxInputBytes ?? 200 * 1024 * 1024;
    this.ocrMaxPages = Math.max(0, options.ocrMaxPages ?? 20);
    this.ocrPath = options.ocrPath;
  }

  /** Extracts the text of a file given as bytes or as a path. */
  extract(input: Buffer | string, contentType: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ExtractionError('FAILED', 'the text extractor is closed'));
      let kind: Kind;
      let charset: string | null;
      try {
        ({ kind, charset } = extractorFor(contentType));
      } catch (e) {
        return reject(e instanceof Error ? e : new Error(String(e)));
      }
      if (Buffer.isBuffer(input) && input.length > this.maxInputBytes) {
        return reject(new ExtractionError('REFUSED', `the file is ${input.length} bytes; at most ${this.maxInputBytes} are extracted`));
      }
      const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
      if (!(timeoutMs > 0)) return reject(new ExtractionError('FAILED', 'timeoutMs must be positive'));
      this.queue.push({ id: this.nextId++, kind, charset, input, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      const worker = (slot.worker ??= this.spawn(slot));
      slot.timer = setTimeout(() => this.fail(slot, new ExtractionError('TIMEOUT', `timed out after ${job.timeoutMs} ms`), true), job.timeoutMs);
      const message = {
        id: job.id,
        kind: job.kind,
        charset: job.charset,
        maxChars: this.maxTextChars,
        ocrMaxPages: this.ocrMaxPages,
        ocrPath: this.ocrPath,
        startedAt: Date.now(),
        timeoutMs: job.timeoutMs,
      };
      if (typeof job.input === 'string') worker.postMessage({ ...message, path: job.input });
      else worker.postMessage({ ...message, bytes: new Uint8Array(job.input.buffer, job.input.byteOffset, job.input.byteLength) });
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(EXTRACTION_WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      stdout: true, // pdfjs may print warnings; they are not ours to show
      stderr: true,
    });
    worker.unref();
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id || slot.worker !== worker) return;
      this.settle(slot);
      if (reply.ok && reply.result) job.resolve(this.finish(reply.result));
      else job.reject(new ExtractionError(reply.kind ?? 'FAILED', reply.reason ?? 'extraction failed'));
      this.dispatch();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(
        slot,
        new ExtractionError(oom ? 'OUT_OF_MEMORY' : 'FAILED', oom ? `ran out of memory (limit ${this.memoryLimitMb} MB)` : `the extraction worker crashed: ${err.message}`),
        false,
      );
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      this.fail(slot, new ExtractionError('FAILED', `the extraction worker stopped (exit code ${code})`), false);
    });
    return worker;
  }

  private settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Fails the slot's job and drops its worker (terminating it if it still runs). */
  private fail(slot: Slot, error: ExtractionError, terminate: boolean): void {
    const job = slot.job;
    const worker = slot.worker;
    slot.worker = null;
    this.settle(slot);
    if (terminate && worker) void worker.terminate();
    job?.reject(error);
    if (!this.closed) this.dispatch();
  }

  private finish(raw: NonNullable<WorkerReply['result']>): ExtractionResult {
    const chunks: ExtractedChunk[] = [];
    for (const c of raw.chunks) {
      const text = cleanText(c.text).trim();
      if (!text) continue;
      chunks.push({ page: c.page, section: c.section, text, language: detectLanguage(text) });
    }
    return { chunks, pageCount: raw.pageCount, truncated: raw.truncated };
  }

  /** Stops the workers; queued and running extractions fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ExtractionError('FAILED', 'the text extractor is closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        slot.job?.reject(new ExtractionError('FAILED', 'the text extractor is closed'));
        this.settle(slot);
        if (worker) await worker.terminate();
      }),
    );
  }
}

let shared: TextExtractor | null = null;

/** Extracts with a process-wide extractor (one worker); services should inject TEXT_EXTRACTOR. */
export function extractText(input: Buffer | string, contentType: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
  shared ??= new TextExtractor();
  return shared.extract(input, contentType, options);
}

export async function closeSharedExtractor(): Promise<void> {
  const s = shared;
  shared = null;
  await s?.close();
}

export const TEXT_EXTRACTOR = Symbol('TEXT_EXTRACTOR');
