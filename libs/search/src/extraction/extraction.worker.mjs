// The extraction worker thread. Plain JavaScript on purpose: it is started by path with
// `new Worker(…)` both from the compiled dist/ (npm run build copies it there, see
// scripts/copy-assets.js) and from the TypeScript sources under ts-jest, which cannot run a
// TypeScript worker; and pdfjs-dist is ESM-only, which this module loads with import().
// Messages: in { id, kind, bytes | path, charset, maxChars }; out { id, ok, result | kind, reason }.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { extractDocx } from './docx.mjs';
import { extractDoc, extractOffice } from './office.mjs';
import { setOcrPath } from './ocr.mjs';
import { extractPdf } from './pdf.mjs';
import { decodeText, ExtractionFailure, extractHtml, extractPlainText, htmlDeclaredCharset } from './plain-text.mjs';

function startsWith(bytes, ascii) {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** For application/octet-stream: what the first bytes say the file is. */
function sniff(bytes) {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) return 'docx';
  if (startsWith(bytes, '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')) return 'doc';
  if (startsWith(bytes, '{\\rtf')) return 'rtf';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (!bytes.subarray(0, 4096).includes(0)) return 'txt';
  throw new ExtractionFailure('UNSUPPORTED_TYPE', 'the file is not PDF, DOCX, HTML or text');
}

async function extract(job) {
  const bytes = job.path ? new Uint8Array(await readFile(job.path)) : job.bytes;
  const kind = job.kind === 'sniff' ? sniff(bytes) : job.kind;
  switch (kind) {
    case 'pdf':
      if (job.ocrPath) setOcrPath(job.ocrPath);
      // OCR gets what is left of the time limit, less a margin to send the text back.
      return extractPdf(bytes, job.maxChars, { path: job.path, ocrMaxPages: job.ocrMaxPages ?? 0, deadline: job.startedAt + job.timeoutMs * 0.9 });
    case 'docx':
      return extractDocx(bytes, job.maxChars);
    case 'doc':
      return extractDoc(bytes, job.maxChars);
    case 'rtf':
    case 'pptx':
    case 'xlsx':
    case 'odt':
    case 'odp':
    case 'ods':
      return extractOffice(bytes, kind, job.maxChars);
    case 'html':
    case 'txt': {
      // Text past the limit would be dropped anyway: never decode it (a single huge string is the
      // allocation a worker's heap limit handles worst, see TextExtractor).
      const cut = bytes.length > job.maxChars * 3;
      const head = cut ? bytes.subarray(0, job.maxChars * 3) : bytes;
      const result = kind === 'html' ? extractHtml(decodeText(head, job.charset ?? htmlDeclaredCharset(head)), job.maxChars) : extractPlainText(head, job.charset, job.maxChars);
      return cut ? { ...result, truncated: true } : result;
    }
    default:
      throw new ExtractionFailure('UNSUPPORTED_TYPE', `no extractor for ${kind}`);
  }
}

parentPort.on('message', async (job) => {
  try {
    const result = await extract(job);
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (e) {
    const failure = e instanceof ExtractionFailure ? e : null;
    parentPort.postMessage({
      id: job.id,
      ok: false,
      kind: failure ? failure.kind : 'FAILED',
      reason: failure ? failure.message : `extraction failed: ${String(e?.message ?? e).slice(0, 300)}`,
    });
  }
});
