import type { Language } from '../language/language';

/** A piece of a file's text: a PDF page, or a section of a DOCX, HTML or text file. */
export interface ExtractedChunk {
  /** 1-based page number (PDF, or a text file with form feeds); null where a file has no pages. */
  page: number | null;
  /** The heading the text sits under, when the format has headings. */
  section: string | null;
  text: string;
  language: Language;
}

export interface ExtractionResult {
  chunks: ExtractedChunk[];
  /** Pages in the file (PDF), else null. */
  pageCount: number | null;
  /** True when the text was cut at the size limit; what was kept is still indexed. */
  truncated: boolean;
}

export interface ExtractOptions {
  /** The whole extraction, including parsing, must finish within this (default 60 s). */
  timeoutMs?: number;
}

export type ExtractionFailureKind = 'UNSUPPORTED_TYPE' | 'REFUSED' | 'CORRUPT' | 'TIMEOUT' | 'OUT_OF_MEMORY' | 'FAILED';

/**
 * A file that could not be turned into text, with a reason fit for the uploader to read
 * ("timed out after 30000 ms", "the archive declares 2.1 GB of content"). Extraction never
 * throws anything else.
 */
export class ExtractionError extends Error {
  constructor(
    readonly kind: ExtractionFailureKind,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ExtractionError';
  }
}

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  html: 'text/html',
  doc: 'application/msword',
  rtf: 'application/rtf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
