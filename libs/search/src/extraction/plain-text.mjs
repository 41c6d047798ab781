// Plain text and HTML to sections. Runs in the extraction worker (plain JS: see extraction.worker.mjs).
// Every loop here is linear in the input: hostile markup (unterminated comments, "<a<a<a…") costs
// one pass, not one pass per '<'.

export const SECTION_CHARS = 2000;

/** A failure the worker reports as it is (kind + reason). */
export class ExtractionFailure extends Error {
  constructor(kind, reason) {
    super(reason);
    this.kind = kind;
  }
}

// The most frequent characters of Chinese (traditional and simplified), Japanese kana and Korean
// syllables: text decoded with the right legacy encoding is full of them, wrong guesses are not.
const COMMON =
  '的一是不了在人有我他這这個个們们中來来上大為为和國国地到以說说時时要就出會会可也你對对生能而子那得於于著着下自之年過过發发後后作裡里用道行所然家種种事成方多經经麼么去法學学如都同現现當当沒没動动面起看定天分還还進进好小部其些主樣样理心她本前開开但因只從从想實实資资訊讯報报告網网路電电證证計计畫画會議议' +
  'のはにをたがでてとしれさいるかなもあうよりくまこす' +
  '이다는의에하고을를가은로한지서기있사들도과어';
const COMMON_SET = new Set(COMMON);

function score(text) {
  let good = 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (COMMON_SET.has(ch)) good++;
    else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad += 10;
  }
  return good - bad;
}

function tryDecode(label, bytes) {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes to text: a BOM (UTF-8, UTF-16 LE/BE) decides; else the declared charset if the bytes are
 * valid in it; else UTF-8 if valid; else the legacy CJK encodings that decode without error, the
 * one whose text has the most common CJK characters winning (GB18030 accepts almost any bytes,
 * so validity alone cannot choose); else Windows-1252, which accepts everything.
 */
export function decodeText(bytes, declaredCharset) {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (declaredCharset) {
    let label = null;
    try {
      label = new TextDecoder(declaredCharset).encoding;
    } catch {
      label = null; // an unknown label: ignore it
    }
    if (label) {
      const text = tryDecode(label, bytes);
      if (text !== null) return text;
    }
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return utf8;
  let best = null;
  const sample = bytes.subarray(0, 64 * 1024);
  for (const label of ['big5', 'gb18030', 'shift_jis', 'euc-kr']) {
    // Judge on a sample cut back to a likely character boundary, then decode all of it.
    const probe = tryDecode(label, sample.length < bytes.length ? sample.subarray(0, sample.length - 8) : sample);
    if (probe === null && sample.length === bytes.length) continue;
    const s = probe === null ? -1 : score(probe);
    if (!best || s > best.score) best = { label, score: s };
  }
  if (best && best.score > 0) {
    const text = tryDecode(best.label, bytes);
    if (text !== null) return text;
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

function tidy(text) {
  return text
    .replaceAll('\u0000', '')
    .replace(/[ \t\u00a0\u3000]+/g, (m) => (m.includes('\u3000') ? '\u3000' : ' '))
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Adds text to sections: paragraphs kept together, a section cut near SECTION_CHARS. */
export class SectionWriter {
  constructor(maxChars) {
    this.chunks = [];
    this.maxChars = maxChars;
    this.total = 0;
    this.truncated = false;
    this.current = null;
  }
  /** Starts a new section (a heading), or a new page. */
  start(section, page = null) {
    this.flush();
    this.current = { page, section: section ? tidy(section).slice(0, 300) || null : null, parts: [], length: 0 };
  }
  addParagraph(text) {
    if (this.truncated) return;
    const t = tidy(text);
    if (!t) return;
    if (!this.current) this.start(null);
    if (this.current.length > 0 && this.current.length + t.length > SECTION_CHARS) {
      const { page, section } = this.current;
      this.flush();
      this.current = { page, section, parts: [], length: 0 };
    }
    let kept = t;
    if (this.total + t.length > this.maxChars) {
      kept = t.slice(0, Math.max(0, this.maxChars - this.total));
      this.truncated = true;
    }
    // A paragraph longer than a section is cut on its own.
    for (let i = 0; i < kept.length; i += SECTION_CHARS * 2) {
      if (i > 0) {
        const { page, section } = this.current;
        this.flush();
        this.current = { page, section, parts: [], length: 0 };
      }
      const piece = kept.slice(i, i + SECTION_CHARS * 2);
      this.current.parts.push(piece);
      this.current.length += piece.length;
      this.total += piece.length;
    }
  }
  flush() {
    if (this.current && this.current.length) {
      this.chunks.push({ page: this.current.page, section: this.current.section, text: this.current.parts.join('\n\n') });
    }
    this.current = null;
  }
  result(pageCount = null) {
    this.flush();
    return { chunks: this.chunks, pageCount, truncated: this.truncated };
  }
}

/** TXT: form feeds are page breaks (page numbers only when there is one); blank lines part paragraphs. */
export function extractPlainText(bytes, charset, maxChars) {
  const text = decodeText(bytes, charset).replace(/\r\n?/g, '\n');
  const pages = text.split('\f');
  const paged = pages.length > 1;
  const out = new SectionWriter(maxChars);
  pages.forEach((pageText, i) => {
    out.start(null, paged ? i + 1 : null);
    for (const para of pageText.split(/\n[ \t]*\n/)) out.addParagraph(para);
  });
  return out.result(paged ? pages.length : null);
}

const NAMED_ENTITIES = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  shy: '',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwnj: '',
  zwj: '',
  iexcl: '¡',
  iquest: '¿',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  ntilde: 'ñ',
  oacute: 'ó',
  iacute: 'í',
  uacute: 'ú',
  szlig: 'ß',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
};

export function decodeEntities(text) {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (m, body) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    return named ?? m;
  });
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head']);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'blockquote',
  'pre',
  'hr',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'main',
  'address',
  'form',
  'fieldset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'title',
  'caption',
  'body',
  'html',
]);
const HEADING = /^h[1-6]$/;

/** The charset an HTML file declares in its first bytes (<meta charset> or http-equiv). */
export function htmlDeclaredCharset(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  return m ? m[1] : null;
}

/**
 * HTML to sections: scripts, styles and comments dropped, tags removed, entities decoded, block
 * elements as paragraph breaks, a new section at each h1–h6 (named by the heading's text). The
 * <title> becomes the first section's name when there is no heading before the text.
 */
export function extractHtml(source, maxChars) {
  const lower = source.toLowerCase();
  const out = new SectionWriter(maxChars);
  let paragraph = '';
  let heading = null; // text of an open heading
  let title = null;
  const flushParagraph = () => {
    if (heading !== null) return;
    out.addParagraph(decodeEntities(paragraph));
    paragraph = '';
  };
  let i = 0;
  const n = source.length;
  while (i < n && !out.truncated) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const t = source.slice(i, textEnd);
      if (heading !== null) heading += t;
      else paragraph += t;
    }
    if (lt < 0) break;
    if (lower.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = source.indexOf('>', lt + 1);
    if (gt < 0) {
      // A '<' that never closes: the rest is text.
      paragraph += source.slice(lt);
      break;
    }
    const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(source.slice(lt, Math.min(gt + 1, lt + 64)));
    i = gt + 1;
    if (!m) continue; // <!doctype>, <?xml?>, stray '<' with a '>' later: dropped
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (!closing && SKIPPED.has(name)) {
      if (name === 'head') {
        const t = /<title[^>]*>([\s\S]*?)<\/title/i.exec(source.slice(gt + 1, Math.min(n, gt + 1 + 20000)));
        if (t) title = decodeEntities(t[1]).trim() || null;
      }
      const end = lower.indexOf(`</${name}`, gt + 1);
      if (end < 0) break;
      const close = source.indexOf('>', end);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (HEADING.test(name)) {
      if (!closing) {
        flushParagraph();
        heading = '';
      } else if (heading !== null) {
        const text = decodeEntities(heading).replace(/\s+/g, ' ').trim();
        heading = null;
        out.start(text || null);
        out.addParagraph(text);
      }
      continue;
    }
    if (BLOCK.has(name)) {
      if (heading !== null) heading += ' ';
      else flushParagraph();
    } else if (name === 'td' || name === 'th') {
      if (heading !== null) heading += ' ';
      else paragraph += ' ';
    }
  }
  if (heading !== null) {
    paragraph += heading;
    heading = null;
  }
  flushParagraph();
  const result = out.result(null);
  if (title && result.chunks.length && result.chunks[0].section === null) result.chunks[0].section = title.slice(0, 300);
  return result;
}
