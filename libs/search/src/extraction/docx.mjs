// DOCX to sections, after checking the ZIP's own account of itself. Runs in the extraction worker.
import { ExtractionFailure, extractHtml } from './plain-text.mjs';

export const ZIP_LIMITS = {
  /** Sum of the uncompressed sizes the central directory declares. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Declared uncompressed size per compressed byte, checked once the archive expands past 10 MB. */
  maxRatio: 100,
  ratioCheckFrom: 10 * 1024 * 1024,
  maxEntries: 10_000,
};

const MB = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads the ZIP central directory (never inflating anything) and refuses an archive that declares
 * an absurd amount of content: a zip bomb is caught before mammoth (JSZip) inflates it. An archive
 * that lies about its sizes is still held by the worker's memory limit and the time limit.
 */
export function checkZip(bytes, limits = ZIP_LIMITS, mainEntry = 'word/document.xml') {
  const format = mainEntry === 'word/document.xml' ? 'DOCX' : 'Office';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ExtractionFailure('CORRUPT', `not a ZIP archive (no end of central directory): not a ${format} file`);
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw new ExtractionFailure('REFUSED', `ZIP64 archives are not accepted for ${format} files`);
  }
  if (entries > limits.maxEntries) throw new ExtractionFailure('REFUSED', `the archive has ${entries} entries (at most ${limits.maxEntries})`);
  if (cdOffset + cdSize > eocd) throw new ExtractionFailure('CORRUPT', 'the ZIP central directory lies outside the file');
  let at = cdOffset;
  let total = 0;
  let hasDocument = false;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) throw new ExtractionFailure('CORRUPT', 'the ZIP central directory is damaged');
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (uncompressed === 0xffffffff) throw new ExtractionFailure('REFUSED', `ZIP64 archives are not accepted for ${format} files`);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === mainEntry) hasDocument = true;
    total += uncompressed;
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ExtractionFailure('REFUSED', `the archive declares ${MB(total)} of content (at most ${MB(limits.maxUncompressedBytes)}): refused as a possible zip bomb`);
  }
  if (total > limits.ratioCheckFrom && total / bytes.length > limits.maxRatio) {
    throw new ExtractionFailure(
      'REFUSED',
      `the archive would expand ${Math.round(total / bytes.length)}:1 (${MB(bytes.length)} to ${MB(total)}; at most ${limits.maxRatio}:1): refused as a possible zip bomb`,
    );
  }
  if (!hasDocument) throw new ExtractionFailure('CORRUPT', `the archive has no ${mainEntry}: not a ${format} file`);
  return { entries, uncompressedBytes: total };
}

/**
 * Mammoth's HTML rather than its raw text: the HTML keeps Word's headings (Heading 1–6 styles as
 * h1–h6), which name the sections; images are skipped without being read.
 */
export async function extractDocx(bytes, maxChars) {
  checkZip(bytes);
  const { default: mammoth } = await import('mammoth');
  let html;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (e) {
    throw new ExtractionFailure('CORRUPT', `not a readable DOCX file: ${String(e?.message ?? e).slice(0, 200)}`);
  }
  return extractHtml(html, maxChars);
}
