// PDF to one chunk per page with pdfjs-dist 5 (legacy build, the one meant for Node). Runs in the
// extraction worker: pdfjs is ESM-only, and a hostile PDF can loop or eat memory there, where the
// time and memory limits reach it.
import { createRequire } from 'node:module';
import * as path from 'node:path';
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

export async function extractPdf(bytes, maxChars) {
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
      if (text) chunks.push({ page: p, section: null, text });
      if (truncated) break;
    }
    return { chunks, pageCount: doc.numPages, truncated };
  } catch (e) {
    if (e instanceof ExtractionFailure) throw e;
    throw new ExtractionFailure('CORRUPT', `the PDF could not be read past page ${chunks.length}: ${String(e?.message ?? e).slice(0, 200)}`);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
