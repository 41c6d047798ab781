import { FileKind } from './file-kind';

/**
 * Decides what a file is from its bytes: the allowlist is PDF, DOCX, DOC, PPTX, XLSX, TXT, HTML and
 * RTF. Pure logic over a random-access byte source, so it runs on a staged upload without loading
 * it whole (ZIP and OLE2 keep their directories away from the start).
 */

export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end). */
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(buffer: Buffer): ByteSource {
  return { size: buffer.length, read: async (offset, length) => buffer.subarray(offset, offset + length) };
}

/** Text encodings an upload may come in; the extractor decodes them (never trusting a client). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5' | 'gb18030' | 'shift_jis' | 'euc-kr';

/** What streaming the whole content through a TextProbe found. */
export interface TextVerdict {
  /** Valid UTF-8 from start to end, with no NUL byte. */
  utf8: boolean;
  /**
   * The encoding the whole content is valid text in: UTF-8; UTF-16 after its BOM; else the legacy
   * CJK encoding (Big5, GB18030, Shift_JIS, EUC-KR) that decodes without error and reads most like
   * CJK text. Null when it is no text (or the probe was built by hand without it).
   */
  encoding?: TextEncodingName | null;
}

const LEGACY: TextEncodingName[] = ['big5', 'gb18030', 'shift_jis', 'euc-kr'];
const SAMPLE_BYTES = 64 * 1024;

// The most frequent characters of Chinese (both scripts), Japanese kana and Korean syllables: text
// decoded with the right legacy encoding is full of them, a wrong guess is not.
const COMMON = new Set(
  '的一是不了在人有我他這这個个們们中來来上大為为和國国地到以說说時时要就出會会可也你對对生能而子那得於于著着下自之年過过發发後后作裡里用道行所然家種种事成方多經经麼么去法學学如都同現现當当沒没動动面起看定天分還还進进好小部其些主樣样理心她本前開开但因只從从想實实資资訊讯報报告網网路電电證证計计畫画議议' +
    'のはにをたがでてとしれさいるかなもあうよりくまこす' +
    '이다는의에하고을를가은로한지서기있사들도과어',
);

function cjkScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (COMMON.has(ch)) score++;
    else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) score -= 10;
  }
  return score;
}

/**
 * Checks, chunk by chunk, which text encodings the whole content is valid in (the TXT/HTML
 * condition): UTF-8 without NULs, UTF-16 with a BOM, or a legacy CJK encoding without NULs. Each
 * candidate decoder streams over everything and drops out at its first error.
 */
export class TextProbe {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;
  private first = true;
  private utf16: { name: 'utf-16le' | 'utf-16be'; decoder: InstanceType<typeof TextDecoder>; ok: boolean } | null = null;
  private readonly legacy = new Map<TextEncodingName, InstanceType<typeof TextDecoder>>(LEGACY.map((l) => [l, new TextDecoder(l, { fatal: true })]));
  private sample: Buffer[] = [];
  private sampled = 0;
  private nul = false;

  push(chunk: Buffer): void {
    if (this.first && chunk.length) {
      this.first = false;
      if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        const name = chunk[0] === 0xff ? 'utf-16le' : 'utf-16be';
        this.utf16 = { name, decoder: new TextDecoder(name, { fatal: true }), ok: true };
      }
    }
    if (this.utf16?.ok) {
      try {
        this.utf16.decoder.decode(chunk, { stream: true });
      } catch {
        this.utf16.ok = false;
      }
    }
    if (this.nul) return;
    if (chunk.includes(0)) {
      this.ok = false;
      this.nul = true;
      this.legacy.clear();
      return;
    }
    if (this.sampled < SAMPLE_BYTES) {
      const piece = chunk.subarray(0, SAMPLE_BYTES - this.sampled);
      this.sample.push(piece);
      this.sampled += piece.length;
    }
    if (this.ok) {
      try {
        this.decoder.decode(chunk, { stream: true });
      } catch {
        this.ok = false;
      }
    }
    for (const [name, decoder] of this.legacy) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        this.legacy.delete(name);
      }
    }
  }

  finish(): TextVerdict {
    if (this.ok) {
      try {
        this.decoder.decode();
      } catch {
        this.ok = false; // ends inside a multi-byte sequence
      }
    }
    if (this.ok) return { utf8: true, encoding: 'utf-8' };
    if (this.utf16?.ok) {
      try {
        this.utf16.decoder.decode();
        return { utf8: false, encoding: this.utf16.name };
      } catch {
        // an odd byte at the end: not UTF-16
      }
    }
    const sample = Buffer.concat(this.sample);
    let best: { name: TextEncodingName; score: number } | null = null;
    for (const [name, decoder] of this.legacy) {
      try {
        decoder.decode();
      } catch {
        continue;
      }
      // The sample may end inside a character: judge it without a strict decoder.
      const score = cjkScore(new TextDecoder(name).decode(sample));
      if (!best || score > best.score) best = { name, score };
    }
    return { utf8: false, encoding: best && best.score > 0 ? best.name : null };
  }
}

export function probeText(buffer: Buffer): TextVerdict {
  const probe = new TextProbe();
  probe.push(buffer);
  return probe.finish();
}

/** `charset`: for text, the encoding the content was found to be in. */
export type SniffResult = { ok: true; kind: FileKind; charset?: TextEncodingName } | { ok: false; reason: string };

const refuse = (reason: string): SniffResult => ({ ok: false, reason });
const accept = (kind: FileKind, charset?: TextEncodingName): SniffResult => (charset ? { ok: true, kind, charset } : { ok: true, kind });

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');

/** Signatures we refuse, so the message can say what the file looked like. */
const KNOWN_OTHERS: [Buffer, string][] = [
  [Buffer.from('MZ', 'latin1'), 'a Windows executable'],
  [Buffer.from('\x7fELF', 'latin1'), 'an ELF executable'],
  [Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), 'a macOS executable'],
  [Buffer.from('#!', 'latin1'), 'a script'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'a PNG image'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'a JPEG image'],
  [Buffer.from('GIF8', 'latin1'), 'a GIF image'],
  [Buffer.from('Rar!', 'latin1'), 'a RAR archive'],
  [Buffer.from([0x1f, 0x8b]), 'a gzip archive'],
  [Buffer.from('7z\xbc\xaf', 'latin1'), 'a 7-Zip archive'],
  [Buffer.from('PK\x05\x06', 'latin1'), 'an empty ZIP archive'],
];

export const ACCEPTED_TYPES = 'PDF, DOCX, DOC, PPTX, XLSX, ODT, ODP, ODS, TXT, HTML or RTF (text in UTF-8, UTF-16, Big5, GB18030, Shift_JIS or EUC-KR)';

export async function sniffContent(source: ByteSource, text: TextVerdict): Promise<SniffResult> {
  if (source.size === 0) return refuse('The file is empty');
  const head = await source.read(0, 4096);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return accept(FileKind.PDF);
  if (head.subarray(0, 8).equals(OLE2_MAGIC)) return sniffOle2(source, head);
  if (head.subarray(0, 4).equals(ZIP_LOCAL)) return sniffOoxml(source, head);
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return accept(FileKind.RTF);
  const encoding = text.encoding ?? (text.utf8 ? 'utf-8' : null);
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') return accept(textKind(head, encoding), encoding);
  const known = KNOWN_OTHERS.find(([magic]) => head.subarray(0, magic.length).equals(magic));
  if (known) return refuse(`The content is ${known[1]}; accepted are ${ACCEPTED_TYPES}`);
  if (encoding) return accept(textKind(head, encoding), encoding);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return refuse('The file looks like UTF-16 text but is not valid UTF-16');
  return refuse(`The content is not a recognized document format or text encoding; accepted are ${ACCEPTED_TYPES}`);
}

/** Text or HTML, by how the decoded start of the content reads. */
function textKind(head: Buffer, encoding: TextEncodingName): FileKind {
  let decoded: string;
  try {
    decoded = new TextDecoder(encoding).decode(head);
  } catch {
    decoded = head.toString('latin1');
  }
  const start = decoded
    .replace(/^\ufeff/, '')
    .replace(/^\s+/, '')
    .slice(0, 32)
    .toLowerCase();
  return /^<!doctype\s+html/.test(start) || /^<html[\s>]/.test(start) ? FileKind.HTML : FileKind.TXT;
}

// -------------------------------------------------------------------------------------------
// OLE2 (Compound File Binary): Word 97–2003 keeps its text in a stream named "WordDocument".

const ENDOFCHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 4096;
const MAX_DIFAT_SECTORS = 1024;

async function sniffOle2(source: ByteSource, head: Buffer): Promise<SniffResult> {
  const notWord = refuse(`The content is a Microsoft Office 97–2003 file that is not a Word document; accepted are ${ACCEPTED_TYPES}`);
  const damaged = refuse('The content looks like a Word 97–2003 file but its structure is damaged');
  if (head.length < 512) return damaged;
  const shift = head.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return damaged;
  const sectorSize = 1 << shift;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const readSector = async (sector: number): Promise<Buffer | null> => {
    if (sector > 0xfffffff9 || offsetOf(sector) + sectorSize > source.size) return null;
    const data = await source.read(offsetOf(sector), sectorSize);
    return data.length === sectorSize ? data : null;
  };

  // The FAT sector locations: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(head.readUInt32LE(0x4c + i * 4));
  let difat = head.readUInt32LE(0x44);
  for (let hops = 0; difat < 0xfffffffa && hops < MAX_DIFAT_SECTORS; hops++) {
    const data = await readSector(difat);
    if (!data) return damaged;
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) fatSectors.push(data.readUInt32LE(i * 4));
    difat = data.readUInt32LE(perSector * 4);
  }
  const entriesPerFatSector = sectorSize / 4;
  const nextSector = async (sector: number): Promise<number | null> => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined) return null;
    const data = await readSector(fatSector);
    return data ? data.readUInt32LE((sector % entriesPerFatSector) * 4) : null;
  };

  const seen = new Set<number>();
  const seenStreams = new Set<string>();
  let sector = head.readUInt32LE(0x30);
  while (sector !== ENDOFCHAIN) {
    if (seen.has(sector) || seen.size >= MAX_DIRECTORY_SECTORS) return damaged;
    seen.add(sector);
    const data = await readSector(sector);
    if (!data) return damaged;
    for (let entry = 0; entry < sectorSize; entry += 128) {
      const nameBytes = data.readUInt16LE(entry + 0x40);
      const type = data[entry + 0x42];
      if (nameBytes < 2 || nameBytes > 64) continue;
      const name = data.subarray(entry, entry + nameBytes - 2).toString('utf16le');
      if (type === 2 && name === 'WordDocument') return accept(FileKind.DOC);
      if (type === 2) seenStreams.add(name);
    }
    const next = await nextSector(sector);
    if (next === null) return damaged;
    sector = next;
  }
  // Say which: there is no maintained JavaScript reader for PowerPoint and Excel 97–2003 to search them.
  if (seenStreams.has('PowerPoint Document')) {
    return refuse(`The content is a PowerPoint 97–2003 presentation (.ppt), which cannot be searched; save it as PPTX or PDF and upload that (accepted are ${ACCEPTED_TYPES})`);
  }
  if (seenStreams.has('Workbook') || seenStreams.has('Book')) {
    return refuse(`The content is an Excel 97–2003 workbook (.xls), which cannot be searched; save it as XLSX or PDF and upload that (accepted are ${ACCEPTED_TYPES})`);
  }
  return notWord;
}

// -------------------------------------------------------------------------------------------
// ZIP: Office Open XML packages are ZIP files with [Content_Types].xml and a main folder.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024;
const MAX_ENTRIES = 50_000;

const OOXML_FOLDERS: [string, FileKind][] = [
  ['word/', FileKind.DOCX],
  ['ppt/', FileKind.PPTX],
  ['xl/', FileKind.XLSX],
];

/** The names in a ZIP's central directory, or null when it cannot be read. */
export async function zipEntryNames(source: ByteSource): Promise<string[] | null> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null; // ZIP64: not for files of our size
  if (size > MAX_CENTRAL_DIRECTORY || offset + size > source.size || entries > MAX_ENTRIES) return null;
  const directory = await source.read(offset, size);
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) return null;
    names.push(directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const OPENDOCUMENT_TYPES: Record<string, FileKind> = {
  'application/vnd.oasis.opendocument.text': FileKind.ODT,
  'application/vnd.oasis.opendocument.presentation': FileKind.ODP,
  'application/vnd.oasis.opendocument.spreadsheet': FileKind.ODS,
};

/**
 * An OpenDocument package names its type in a first entry `mimetype`, stored uncompressed
 * (ODF 1.2 part 3, §3.3) — read it from the first local header; null when it is not there.
 */
function openDocumentType(head: Buffer): string | null {
  if (head.length < 30) return null;
  const method = head.readUInt16LE(8);
  const size = head.readUInt32LE(18);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const start = 30 + nameLength + extraLength;
  if (method !== 0 || nameLength !== 8 || size > 100 || start + size > head.length) return null;
  if (head.subarray(30, 38).toString('latin1') !== 'mimetype') return null;
  return head.subarray(start, start + size).toString('latin1');
}

async function sniffOoxml(source: ByteSource, head: Buffer): Promise<SniffResult> {
  const names = await zipEntryNames(source);
  if (!names) return refuse('The content is a ZIP file whose directory cannot be read (damaged or truncated)');
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) {
    return refuse('The content is an Office document with macros; save it without macros (DOCX, PPTX or XLSX)');
  }
  const kinds = OOXML_FOLDERS.filter(([folder]) => names.some((n) => n.startsWith(folder))).map(([, kind]) => kind);
  if (names.includes('mimetype') && names.includes('content.xml') && !names.includes('[Content_Types].xml')) {
    const type = openDocumentType(head);
    const kind = type ? OPENDOCUMENT_TYPES[type] : undefined;
    if (kind) return accept(kind);
    return refuse(`The content is an OpenDocument file of a type we do not read (${type ?? 'its mimetype entry is missing'}); accepted are ${ACCEPTED_TYPES}`);
  }
  if (!names.includes('[Content_Types].xml') || kinds.length !== 1) {
    return refuse(`The content is a ZIP archive, not a Word, PowerPoint or Excel document; accepted are ${ACCEPTED_TYPES}`);
  }
  return accept(kinds[0]);
}
