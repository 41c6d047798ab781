/** The kinds of file a document may come as (decided from the content, never from the name). */
export enum FileKind {
  PDF = 'PDF',
  DOCX = 'DOCX',
  DOC = 'DOC',
  PPTX = 'PPTX',
  XLSX = 'XLSX',
  TXT = 'TXT',
  HTML = 'HTML',
  RTF = 'RTF',
  ODT = 'ODT',
  ODP = 'ODP',
  ODS = 'ODS',
}

export interface FileKindInfo {
  label: string;
  contentType: string;
  /** Extensions a file of this kind may carry, the usual one first. */
  extensions: readonly string[];
}

export const FILE_KINDS: Readonly<Record<FileKind, FileKindInfo>> = Object.freeze({
  PDF: { label: 'PDF document', contentType: 'application/pdf', extensions: ['pdf'] },
  DOCX: { label: 'Word document (DOCX)', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  DOC: { label: 'Word 97–2003 document (DOC)', contentType: 'application/msword', extensions: ['doc', 'dot'] },
  PPTX: { label: 'PowerPoint presentation (PPTX)', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  XLSX: { label: 'Excel workbook (XLSX)', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  TXT: { label: 'plain text', contentType: 'text/plain; charset=utf-8', extensions: ['txt', 'text'] },
  HTML: { label: 'HTML page', contentType: 'text/html; charset=utf-8', extensions: ['html', 'htm'] },
  RTF: { label: 'Rich Text Format document', contentType: 'application/rtf', extensions: ['rtf'] },
  ODT: { label: 'OpenDocument text (ODT)', contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ODP: { label: 'OpenDocument presentation (ODP)', contentType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  ODS: { label: 'OpenDocument spreadsheet (ODS)', contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
});

/**
 * The media type a file is stored and served with: its kind's, and for text the charset the
 * content was found to be in (a Big5 text served as UTF-8 would show as mojibake).
 */
export function contentTypeOf(kind: FileKind, charset?: string | null): string {
  const base = FILE_KINDS[kind].contentType;
  if (!charset || !TEXT_FAMILY.has(kind)) return base;
  return base.replace(/charset=[^;]+/, `charset=${charset}`);
}

const TEXT_FAMILY = new Set<FileKind>([FileKind.TXT, FileKind.HTML]);

export type KindForName = { ok: true; kind: FileKind; extension: string | null } | { ok: false; reason: string };

/**
 * Checks a file's name against its content. Binary kinds must carry one of their own extensions.
 * UTF-8 text and HTML are one family: the name decides how it is served (an HTML page named .txt
 * is served as plain text; text named .html as HTML — always as an attachment). A name without an
 * extension takes the content's.
 */
export function kindForName(sniffed: FileKind, extension: string | null): KindForName {
  if (extension === null) return { ok: true, kind: sniffed, extension: null };
  if (FILE_KINDS[sniffed].extensions.includes(extension)) return { ok: true, kind: sniffed, extension };
  if (TEXT_FAMILY.has(sniffed)) {
    for (const kind of TEXT_FAMILY) {
      if (FILE_KINDS[kind].extensions.includes(extension)) return { ok: true, kind, extension };
    }
  }
  const claimed = (Object.keys(FILE_KINDS) as FileKind[]).find((k) => FILE_KINDS[k].extensions.includes(extension));
  return {
    ok: false,
    reason: claimed
      ? `The file is named as a ${FILE_KINDS[claimed].label} (.${extension}) but its content is a ${FILE_KINDS[sniffed].label}`
      : `The file name ends in .${extension}, which is not an accepted type; its content is a ${FILE_KINDS[sniffed].label} (.${FILE_KINDS[sniffed].extensions[0]})`,
  };
}
