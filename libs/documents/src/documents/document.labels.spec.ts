import { DocumentAccess, DocumentPurpose, DocumentStatus, DocumentType } from './document.enums';
import { DOCUMENT_ACCESS_LABELS, DOCUMENT_PURPOSE_LABELS, DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS } from './document.labels';

describe('document labels', () => {
  it.each([
    ['DocumentType', DocumentType, DOCUMENT_TYPE_LABELS],
    ['DocumentPurpose', DocumentPurpose, DOCUMENT_PURPOSE_LABELS],
    ['DocumentAccess', DocumentAccess, DOCUMENT_ACCESS_LABELS],
    ['DocumentStatus', DocumentStatus, DOCUMENT_STATUS_LABELS],
  ] as [string, Record<string, string>, Record<string, string>][])('label every %s value once, in words', (_, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    const words = Object.values(labels);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
  });

  it('reads as a delegate reads them', () => {
    expect(DOCUMENT_ACCESS_LABELS[DocumentAccess.RESTRICTED]).toBe('Restricted');
    expect(DOCUMENT_STATUS_LABELS[DocumentStatus.SUPERSEDED]).toBe('Superseded');
    expect(DOCUMENT_TYPE_LABELS[DocumentType.SUMMARY_RECORD]).toBe('Summary record');
  });
});
