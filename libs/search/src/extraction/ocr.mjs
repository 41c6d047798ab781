// OCR of PDF pages that have no text layer (scanned letters, signed forms): pdftoppm (poppler-utils)
// renders the page, Tesseract reads it. Both are Debian programs run as child processes from the
// extraction worker, so OCR happens in the indexing job, never on a request; each call has its
// own time limit and is killed past it.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Tesseract languages used when installed: English, Chinese (both scripts), Japanese, Korean. */
const WANTED = ['eng', 'chi_tra', 'chi_sim', 'jpn', 'kor'];

let available; // undefined: not asked yet; null: not installed; else the languages to use
let searchPath = process.env.PATH;

/** Where to look for tesseract and pdftoppm (default: PATH). */
export function setOcrPath(dirs) {
  if (dirs && dirs !== searchPath) {
    searchPath = dirs;
    available = undefined;
  }
}

const env = () => ({ ...process.env, PATH: searchPath ?? '', OMP_THREAD_LIMIT: '1' });

/** The Tesseract languages to use, or null when tesseract or pdftoppm is not installed. */
export function ocrLanguages() {
  if (available !== undefined) return available;
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore', timeout: 10_000, env: env() });
    const out = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000, env: env() });
    const installed = new Set(out.split('\n').map((l) => l.trim()));
    const langs = WANTED.filter((l) => installed.has(l));
    available = langs.length ? langs : null;
  } catch {
    available = null;
  }
  return available;
}

function run(cmd, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, encoding: 'utf8', env: env() }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

/**
 * Recognises the given pages of a PDF (given as bytes or a path). Stops at the deadline (epoch
 * ms); returns { pages: Map<page, text>, stoppedEarly }.
 */
export async function recognisePages(input, pageNumbers, deadline) {
  const langs = ocrLanguages();
  const pages = new Map();
  if (!langs) return { pages, stoppedEarly: false };
  const dir = await mkdtemp(path.join(tmpdir(), 'tel-ocr-'));
  let stoppedEarly = false;
  try {
    let pdf = input.path;
    if (!pdf) {
      pdf = path.join(dir, 'in.pdf');
      await writeFile(pdf, input.bytes);
    }
    for (const page of pageNumbers) {
      const left = deadline - Date.now();
      if (left < 2_000) {
        stoppedEarly = true;
        break;
      }
      const prefix = path.join(dir, `p${page}`);
      // 200 dpi grey: enough for typed text, small enough for the time limit.
      await run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '200', '-gray', '-singlefile', '-png', pdf, prefix], Math.min(left, 30_000));
      const text = await run('tesseract', [`${prefix}.png`, 'stdout', '-l', langs.join('+'), '--psm', '3'], Math.min(deadline - Date.now(), 120_000));
      await rm(`${prefix}.png`, { force: true });
      pages.set(page, text);
    }
  } catch (e) {
    if (e?.killed) stoppedEarly = true;
    else if (!pages.size) throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { pages, stoppedEarly };
}
