/**
 * File names of uploads. Two names are kept:
 * - the original, for display: as sent, less control and bidirectional-formatting characters
 *   (which could make "invoice\u202Efdp.exe" read as "invoiceexe.pdf"), capped in length;
 * - the safe name, used in downloads (Content-Disposition) and in the one-name-per-revision rule:
 *   the last path segment only (no traversal), no control, format or bidirectional-override
 *   characters, none of the characters Windows forbids, no leading dots, no device names, at most
 *   MAX_NAME_BYTES bytes of UTF-8 with the extension kept. Letters of every script stay.
 */

export const MAX_NAME_BYTES = 200;
export const MAX_ORIGINAL_NAME_LENGTH = 1000;
const MAX_EXTENSION_LENGTH = 10;

// \p{Cc}: C0/C1 controls incl. NUL; \p{Cf}: format characters — bidi embeddings, overrides and
// isolates (U+202A–202E, U+2066–2069), marks (U+200E/F, U+061C), zero-width and BOM; \p{Cs}: lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const LINE_BREAKS = /[\p{Zl}\p{Zp}]/gu;
// What the original name loses: controls, lone surrogates, and the bidi marks, embeddings,
// overrides and isolates (U+061C, U+200E/F, U+202A–202E, U+2066–2069). Other format characters
// stay there: zero-width (non-)joiners are part of how Persian, Indic scripts and emoji are written.
const CONTROL_OR_BIDI = /[\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/g;
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/** The name as the uploader sent it, for display only (see above). */
export function originalFileName(raw: string): string {
  return [...raw.replace(CONTROL_OR_BIDI, '').replace(LINE_BREAKS, ' ')].slice(0, MAX_ORIGINAL_NAME_LENGTH).join('').trim();
}

/** The safe name (see above); '' when nothing usable is left. */
export function safeFileName(raw: string): string {
  let name = raw.normalize('NFC').replace(/\\/g, '/');
  name = name.slice(name.lastIndexOf('/') + 1);
  name = name.replace(INVISIBLE, '').replace(LINE_BREAKS, ' ').replace(WINDOWS_FORBIDDEN, '_');
  name = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const stem = name.split('.')[0];
  if (DEVICE_NAME.test(stem.trim())) name = `_${name}`;
  return truncateKeepingExtension(name, MAX_NAME_BYTES);
}

/** The extension, lower-case without the dot, or null. */
export function extensionOf(name: string): string | null {
  const m = EXTENSION.exec(name);
  return m && m.index > 0 ? m[1].toLowerCase() : null;
}

/** The safe name with an extension: a name without one gets `extension`; an empty name becomes `document`. */
export function withExtension(safeName: string, extension: string): string {
  if (extensionOf(safeName)) return safeName;
  return truncateKeepingExtension(`${safeName || 'document'}.${extension}`, MAX_NAME_BYTES);
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function truncateKeepingExtension(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const m = EXTENSION.exec(name);
  const extension = m && m[1].length <= MAX_EXTENSION_LENGTH && m.index > 0 ? m[0] : '';
  const budget = maxBytes - utf8Length(extension);
  let stem = '';
  for (const ch of name.slice(0, name.length - extension.length)) {
    if (utf8Length(stem + ch) > budget) break;
    stem += ch;
  }
  return stem.replace(/[.\s]+$/, '') + extension;
}
