/**
 * Writes a small, valid PDF 1.4 of plain text: Helvetica, A4 pages, lines wrapped at a fixed
 * width. Enough for sample papers (the seed) and test files; characters outside printable ASCII
 * print as "?" (the standard fonts carry no CJK glyphs), so Chinese text goes into TXT or HTML.
 */

export interface MinimalPdfOptions {
  title: string;
  /** Paragraphs; each is wrapped to the page width. */
  paragraphs: string[];
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const FONT_SIZE = 11;
const LEADING = 15;
const WRAP_AT = 92;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING) - 2;

function pdfString(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/[\\()]/g, '\\$&')})`;
}

function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WRAP_AT) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word.slice(0, WRAP_AT);
  }
  if (line) lines.push(line);
  return lines;
}

export function writeMinimalPdf(options: MinimalPdfOptions): Buffer {
  const lines = [options.title, '', ...options.paragraphs.flatMap((p) => [...wrap(p), ''])];
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));

  // Objects: 1 catalog, 2 page tree, 3 font, 4 info, then (page, contents) pairs.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${pdfString(options.title)} /Producer (tel-registry) >>`;
  pages.forEach((pageLines, i) => {
    const [pageId, contentsId] = [pageIds[i], pageIds[i] + 1];
    const body = ['BT', `/F1 ${FONT_SIZE} Tf`, `${LEADING} TL`, `${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`, ...pageLines.map((line) => `${pdfString(line)} Tj T*`), 'ET'].join('\n');
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` + `/Resources << /Font << /F1 3 0 R >> >> /Contents ${contentsId} 0 R >>`;
    objects[contentsId] = `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`;
  });

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
