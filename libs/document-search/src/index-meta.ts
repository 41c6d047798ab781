import { EntityManager } from 'typeorm';
import { Document, DocumentAccess, DocumentFile, DocumentRevision } from '@tel/documents';
import { Economy, Group, Meeting, Organization } from '@tel/meetings';
import { DocumentMeta, ExtractedChunk, dominantLanguage } from '@tel/search';

/** Everything the index keeps about a file, read from the database (job payloads carry ids only). */
export async function indexMetaFor(em: EntityManager, file: DocumentFile, chunks: ExtractedChunk[]): Promise<DocumentMeta | null> {
  const revision = await em.findOne(DocumentRevision, { where: { id: file.revisionId } });
  if (!revision) return null;
  const doc = await em.findOne(Document, { where: { id: revision.documentId } });
  if (!doc) return null;
  const [meeting, group] = await Promise.all([
    em.findOne(Meeting, { where: { id: doc.meetingId } }),
    doc.groupId ? em.findOne(Group, { where: { id: doc.groupId } }) : Promise.resolve(null),
  ]);
  let economyId = doc.submittedByEconomyId;
  if (!economyId && doc.submittedByOrganizationId) {
    economyId = (await em.findOne(Organization, { where: { id: doc.submittedByOrganizationId } }))?.economyId ?? null;
  }
  const economy = economyId ? await em.findOne(Economy, { where: { id: economyId } }) : null;
  return {
    documentId: doc.id,
    revisionId: revision.id,
    fileId: file.id,
    symbol: doc.symbol,
    title: doc.title,
    meetingCode: meeting?.code ?? null,
    groupCode: group?.code ?? doc.code ?? null,
    economyCodes: economy ? [economy.code] : [],
    type: doc.type,
    year: doc.year,
    language: dominantLanguage(chunks),
    access: doc.access === DocumentAccess.RESTRICTED ? 'RESTRICTED' : 'PUBLIC',
    publishedAt: revision.createdAt.toISOString(),
  };
}
