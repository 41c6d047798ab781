// PDF to one chunk per page with pdfjs-dist 5 (legacy build, the one meant for Node). Runs in the
// extraction worker: pdfjs is ESM-only, and a hostile PDF can loop or eat memory there, where the
// time and memory limits reach it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ocrLanguages, recognisePages } from './ocr.mjs';
import { ExtractionFailure } from './plain-text.mjs';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdfjs's Node readers take plain paths; the trailing slash matters (it appends file names).
const CMAP_DIR = path.join(PDFJS_DIR, 'cmaps') + path.sep;
const STANDARD_FONTS_DIR = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;

let pdfjsPromise = null;
function loadPdfjs() {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

function pageText(content) {
  let text = '';
  for (const item of content.items) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return joinLines(text.replace(/[ \t]+\n/g, '\n')).trim();
}

// Han, kana and CJK punctuation (not Hangul: Korean puts spaces between words, so a Korean line
// end stays a space).
const CJK_JOIN = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u30fc]';
const CJK_LINE_END = new RegExp(`(${CJK_JOIN})[ \\t]*\\n[ \\t]*(?=${CJK_JOIN})`, 'gu');
const HYPHEN_LINE_END = /(\p{L}\p{Ll})-\n[ \t]*(?=\p{Ll})/gu;

/**
 * A line end inside a word is layout, not text: Chinese and Japanese lines are joined without a
 * space (a word broken across lines stays one word), and an English word hyphenated at a line end
 * ("authenti-" / "cation") is made whole again. Other line ends stay.
 */
export function joinLines(text) {
  return text.replace(CJK_LINE_END, '$1').replace(HYPHEN_LINE_END, '$1');
}

/** The section name of text that OCR recognised on a page without a text layer. */
export const OCR_SECTION = 'Recognised text (OCR)';

/** Tesseract's CJK output has spaces between characters; the text has none. */
function tidyOcr(text) {
  const cjk = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20]';
  return joinLines(text.replace(new RegExp(`(${cjk})[ \\t]+(?=${cjk})`, 'gu'), '$1').replace(/\f/g, '\n')).trim();
}

/**
 * options: { path, ocrMaxPages, deadline } — pages without a text layer (scans) are recognised
 * with Tesseract when it is installed, up to ocrMaxPages of them and until the deadline (epoch
 * ms), as chunks in the section OCR_SECTION. A PDF with no text at all and no OCR fails with
 * the reason, so the file says why it cannot be found by its words.
 */
export async function extractPdf(bytes, maxChars, options = {}) {
  // pdfjs takes the bytes over (their buffer is detached): OCR reads a copy on disk.
  let ocrInput = null;
  if ((options.ocrMaxPages ?? 0) > 0) {
    if (options.path) ocrInput = { path: options.path, cleanup: async () => undefined };
    else {
      const dir = await mkdtemp(path.join(tmpdir(), 'tel-pdf-'));
      const file = path.join(dir, 'in.pdf');
      await writeFile(file, bytes);
      ocrInput = { path: file, cleanup: () => rm(dir, { recursive: true, force: true }) };
    }
  }
  try {
    return await extractPdfText(bytes, maxChars, options, ocrInput);
  } finally {
    await ocrInput?.cleanup().catch(() => undefined);
  }
}

async function extractPdfText(bytes, maxChars, options, ocrInput) {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_DIR,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = e?.name ?? '';
    if (name === 'PasswordException') throw new ExtractionFailure('REFUSED', 'the PDF is password-protected');
    throw new ExtractionFailure('CORRUPT', `not a readable PDF: ${String(e?.message ?? e).slice(0, 200)}`);
  }
  const chunks = [];
  const textless = [];
  let total = 0;
  let truncated = false;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      let text = pageText(await page.getTextContent());
      page.cleanup();
      if (total + text.length > maxChars) {
        text = text.slice(0, Math.max(0, maxChars - total));
        truncated = true;
      }
      total += text.length;
      if (text.replace(/\s+/g, '').length >= 3) chunks.push({ page: p, section: null, text });
      else textless.push(p);
      if (truncated) break;
    }
    if (textless.length && !truncated) {
      const maxPages = options.ocrMaxPages ?? 0;
      const langs = maxPages > 0 && ocrInput ? ocrLanguages() : null;
      if (langs) {
        const { pages } = await recognisePages({ path: ocrInput.path }, textless.slice(0, maxPages), options.deadline ?? Date.now() + 60_000);
        for (const [page, raw] of pages) {
          let text = tidyOcr(raw);
          if (total + text.length > maxChars) {
            text = text.slice(0, Math.max(0, maxChars - total));
            truncated = true;
          }
          total += text.length;
          if (text) chunks.push({ page, section: OCR_SECTION, text });
        }
        chunks.sort((a, b) => a.page - b.page);
      } else if (!chunks.length) {
        throw new ExtractionFailure('UNSUPPORTED_TYPE', maxPages > 0 ? 'no text layer; OCR not installed' : 'no text layer; OCR is turned off');
      }
    }
    return { chunks, pageCount: doc.numPages, truncated };
  } catch (e) {
    if (e instanceof ExtractionFailure) throw e;
    throw new ExtractionFailure('CORRUPT', `the PDF could not be read past page ${chunks.length}: ${String(e?.message ?? e).slice(0, 200)}`);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
