/** A piece of a snippet: text, and whether the search marked it as a match. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Undoes the server's HTML escaping; unknown entities stay as they were written. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower];
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Splits a server snippet (escaped text with <mark>…</mark> around matches) into parts to render
 * as text and <mark> elements. Nothing else is ever treated as markup: any other tag is text.
 */
export function parseMarks(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (raw: string, marked: boolean) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let rest = snippet;
  for (;;) {
    const open = rest.indexOf('<mark>');
    if (open < 0) break;
    const close = rest.indexOf('</mark>', open + 6);
    if (close < 0) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + 6, close), true);
    rest = rest.slice(close + 7);
  }
  push(rest.replace(/<\/?mark>/g, ''), false);
  return parts;
}

/**
 * The language to mark a snippet with, so screen readers pick the right voice and the CJK font
 * stack applies: a paper's text can be in another language than its document (a Chinese summary
 * of an English report). Hangul → ko, kana → ja, Han → zh; otherwise the document's language.
 */
export function snippetLanguage(text: string, documentLanguage: string): string {
  if (/[\uAC00-\uD7AF\u1100-\u11FF]/u.test(text)) return 'ko';
  if (/[\u3040-\u30FF]/u.test(text)) return 'ja';
  if (/\p{Script=Han}/u.test(text)) return documentLanguage.startsWith('zh') ? documentLanguage : 'zh';
  return documentLanguage;
}
