// Word 97–2003 (.doc), RTF, PowerPoint and Excel (OOXML) and OpenDocument files to sections. Runs
// in the extraction worker, under its time and memory limits; ZIP-based formats first pass the
// same central-directory check as DOCX (checkZip), so a zip bomb is refused before anything is
// inflated.
import { checkZip } from './docx.mjs';
import { ExtractionFailure, SectionWriter } from './plain-text.mjs';

const CODEPAGES = {
  950: 'big5',
  936: 'gbk',
  932: 'shift_jis',
  949: 'euc-kr',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  874: 'windows-874',
};
const CHARSETS = { 136: 'big5', 134: 'gbk', 128: 'shift_jis', 129: 'euc-kr' };

/**
 * Rewrites an RTF file's 8-bit text as \\uN control words before officeparser reads it, which
 * knows neither code pages nor \\ucN: \\'xx bytes are decoded with the document's code page
 * (\\ansicpg950 is Big5, or a CJK font charset when the code page is Western), and the fallback
 * characters after a \\uN are dropped instead of showing as "?". One linear pass.
 */
export function normalizeRtf(bytes) {
  const src = new TextDecoder('latin1').decode(bytes);
  const cpg = /\\ansicpg(\d{3,5})/.exec(src.slice(0, 4096))?.[1];
  let label = CODEPAGES[cpg] ?? 'windows-1252';
  if (label === 'windows-1252') {
    const cs = /\\fcharset(136|134|128|129)\b/.exec(src.slice(0, 65536))?.[1];
    if (cs) label = CHARSETS[cs];
  }
  const decoder = new TextDecoder(label);
  let out = '';
  let uc = 1;
  let i = 0;
  const n = src.length;
  const isLiteral = (c) => c !== '\\' && c !== '{' && c !== '}' && c !== '\r' && c !== '\n';
  while (i < n) {
    const c = src[i];
    if (c !== '\\') {
      const next = src.indexOf('\\', i);
      const end = next < 0 ? n : next;
      out += src.slice(i, end);
      i = end;
      continue;
    }
    const m = /^\\(uc|u)(-?\d{1,6}) ?/.exec(src.slice(i, i + 12));
    if (m && m[1] === 'uc') {
      uc = Math.min(Number(m[2]), 4);
      out += m[0];
      i += m[0].length;
      continue;
    }
    if (m) {
      out += `\\u${m[2]} `;
      i += m[0].length;
      for (let k = 0; k < uc && i < n; k++) {
        if (src.startsWith("\\'", i)) i += 4;
        else if (isLiteral(src[i])) i += 1;
        else break;
      }
      continue;
    }
    if (src[i + 1] === "'") {
      const bytesRun = [];
      while (i < n && src.startsWith("\\'", i)) {
        const b = parseInt(src.slice(i + 2, i + 4), 16);
        if (!Number.isFinite(b)) break;
        bytesRun.push(b);
        i += 4;
        // A double-byte character's trail byte may be a plain ASCII character (Big5: 0x40–0x7e).
        if (b >= 0x81 && label !== 'windows-1252' && !label.startsWith('windows') && i < n && isLiteral(src[i]) && !src.startsWith("\\'", i)) {
          bytesRun.push(src.charCodeAt(i));
          i += 1;
        }
      }
      if (!bytesRun.length) {
        out += src.slice(i, i + 2);
        i += 2;
        continue;
      }
      for (const ch of decoder.decode(new Uint8Array(bytesRun))) {
        const cp = ch.codePointAt(0);
        if (cp < 0x80) out += ch === '\\' || ch === '{' || ch === '}' ? `\\${ch}` : ch;
        else if (cp <= 0xffff) out += `\\u${cp > 0x7fff ? cp - 0x10000 : cp} `;
        else out += '?';
      }
      continue;
    }
    out += src.slice(i, i + 2);
    i += 2;
  }
  return new TextEncoder().encode(out);
}

const reason = (e) => String(e?.message ?? e).slice(0, 200);

/** Paragraphs of a plain text block, split on line ends. */
function addLines(out, text) {
  for (const line of String(text ?? '').split(/\r\n?|\n/)) out.addParagraph(line);
}

/**
 * Word 97–2003 with word-extractor (pure JavaScript, reads the OLE2 container and the piece
 * table): the body, then footnotes, endnotes and headers as sections of their own.
 */
export async function extractDoc(bytes, maxChars) {
  const { default: WordExtractor } = await import('word-extractor');
  let doc;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new ExtractionFailure('CORRUPT', `not a readable Word 97–2003 document: ${reason(e)}`);
  }
  const out = new SectionWriter(maxChars);
  out.start(null);
  addLines(out, doc.getBody());
  for (const [name, text] of [
    ['Footnotes', doc.getFootnotes()],
    ['Endnotes', doc.getEndnotes()],
    ['Headers', doc.getHeaders({ includeFooters: true })],
  ]) {
    if (!String(text ?? '').trim()) continue;
    out.start(name);
    addLines(out, text);
  }
  return out.result(null);
}

/** Which entry marks a ZIP as this format (checkZip refuses an archive without it). */
const ZIP_MAIN_ENTRY = { pptx: 'ppt/presentation.xml', xlsx: 'xl/workbook.xml', odt: 'content.xml', odp: 'content.xml', ods: 'content.xml' };

function nodeText(node) {
  if (!node) return '';
  if (node.type === 'image' || node.type === 'chart' || node.type === 'drawing') return '';
  if (Array.isArray(node.children) && node.children.length) {
    const sep = node.type === 'row' ? '\t' : node.type === 'paragraph' || node.type === 'heading' || node.type === 'text' || node.type === 'cell' ? '' : '\n';
    return node.children
      .map(nodeText)
      .filter((t) => t !== '')
      .join(sep);
  }
  return typeof node.text === 'string' ? node.text : '';
}

/**
 * PPTX, XLSX, ODT, ODP, ODS and RTF with officeparser: a slide is a page (numbered as in the
 * deck), a sheet is a section named after it, a heading starts a section. No OCR, no attachments,
 * no network.
 */
export async function extractOffice(bytes, fileType, maxChars) {
  const main = ZIP_MAIN_ENTRY[fileType];
  if (main) checkZip(bytes, undefined, main);
  if (fileType === 'rtf') bytes = normalizeRtf(bytes);
  const { OfficeParser } = await import('officeparser');
  let ast;
  try {
    ast = await OfficeParser.parseOffice(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      fileType,
      ocr: false,
      extractAttachments: false,
      includeRawContent: false,
      outputErrorToConsole: false,
      ignoreNotes: false,
      putNotesAtLast: false,
    });
  } catch (e) {
    throw new ExtractionFailure('CORRUPT', `not a readable ${fileType.toUpperCase()} file: ${reason(e)}`);
  }
  const out = new SectionWriter(maxChars);
  let pages = 0;
  const visit = (nodes) => {
    for (const node of nodes ?? []) {
      if (out.truncated) return;
      if (node.type === 'slide') {
        pages++;
        out.start(null, node.metadata?.slideNumber ?? pages);
        for (const child of node.children ?? []) addLines(out, nodeText(child));
      } else if (node.type === 'sheet') {
        out.start(node.metadata?.sheetName ?? null);
        for (const row of node.children ?? []) addLines(out, nodeText(row));
      } else if (node.type === 'heading') {
        const text = nodeText(node);
        out.start(text);
        out.addParagraph(text);
      } else if (node.type === 'table' || node.type === 'list') {
        for (const child of node.children ?? []) addLines(out, nodeText(child));
      } else {
        addLines(out, nodeText(node));
      }
    }
  };
  visit(ast.content);
  return out.result(pages || null);
}
