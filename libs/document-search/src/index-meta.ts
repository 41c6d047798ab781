import { DocumentAccess, IndexSubject } from '@tel/documents';
import { DocumentMeta, ExtractedChunk, dominantLanguage } from '@tel/search';

/** Everything the index keeps about a file: what libs/documents tells of it, and the language of its text. */
export function indexMetaFor(subject: IndexSubject, chunks: ExtractedChunk[]): DocumentMeta {
  return {
    documentId: subject.documentId,
    revisionId: subject.revisionId,
    fileId: subject.fileId,
    symbol: subject.symbol,
    title: subject.title,
    meetingCode: subject.meetingCode,
    groupCode: subject.groupCode,
    economyCodes: subject.economyCode ? [subject.economyCode] : [],
    type: subject.type,
    year: subject.year,
    language: dominantLanguage(chunks),
    access: subject.access === DocumentAccess.RESTRICTED ? 'RESTRICTED' : 'PUBLIC',
    publishedAt: subject.revisionCreatedAt.toISOString(),
  };
}
