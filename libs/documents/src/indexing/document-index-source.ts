import { Injectable, Module } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { isUuid, UnitOfWork } from '@tel/core';
import { MeetingCodes, MeetingCodesModule } from '@tel/meetings';
import { parseSymbolQuery } from '../symbol/document-symbol';
import { DocumentAccess } from '../documents/document.enums';
import { Document } from '../documents/document.entity';
import { DocumentFile } from '../files/document-file.entity';
import { DocumentRevision } from '../revisions/document-revision.entity';

/** A file as full-text search reads it: where its bytes are and everything the index keeps about it. */
export interface IndexSubject {
  fileId: string;
  name: string;
  sha256: string;
  contentType: string;
  revisionId: string;
  /** When the revision was added (the index's "published" date). */
  revisionCreatedAt: Date;
  documentId: string;
  symbol: string;
  title: string;
  type: string;
  year: number;
  access: DocumentAccess;
  meetingCode: string | null;
  /** The document's group, else its symbol code (a session code such as PTAB-WS). */
  groupCode: string | null;
  /** The submitting economy, or the economy of the submitting organization. */
  economyCode: string | null;
}

/**
 * What full-text search (libs/document-search) reads of documents, revisions and files: the
 * documents library's public face for it, so search never touches these tables itself. Every
 * method takes the caller's EntityManager where it may run inside the caller's transaction.
 */
@Injectable()
export class DocumentIndexSource {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly codes: MeetingCodes,
  ) {}

  /** The file with its revision, document and their codes; null when any of them is gone. Four to six statements. */
  async subject(em: EntityManager, fileId: string): Promise<IndexSubject | null> {
    if (!isUuid(fileId)) return null;
    const file = await em.findOne(DocumentFile, { where: { id: fileId } });
    if (!file) return null;
    const revision = await em.findOne(DocumentRevision, { where: { id: file.revisionId } });
    if (!revision) return null;
    const doc = await em.findOne(Document, { where: { id: revision.documentId } });
    if (!doc) return null;
    const codes = await this.codes.codes(em, {
      meetingIds: [doc.meetingId],
      groupIds: doc.groupId ? [doc.groupId] : [],
      economyIds: doc.submittedByEconomyId ? [doc.submittedByEconomyId] : [],
      organizationIds: !doc.submittedByEconomyId && doc.submittedByOrganizationId ? [doc.submittedByOrganizationId] : [],
    });
    const economyCode = doc.submittedByEconomyId
      ? (codes.economies.get(doc.submittedByEconomyId) ?? null)
      : doc.submittedByOrganizationId
        ? (codes.economyOfOrganization.get(doc.submittedByOrganizationId) ?? null)
        : null;
    return {
      fileId: file.id,
      name: file.name,
      sha256: file.sha256,
      contentType: file.contentType,
      revisionId: revision.id,
      revisionCreatedAt: revision.createdAt,
      documentId: doc.id,
      symbol: doc.symbol,
      title: doc.title,
      type: doc.type,
      year: doc.year,
      access: doc.access,
      meetingCode: codes.meetings.get(doc.meetingId) ?? null,
      groupCode: (doc.groupId ? codes.groups.get(doc.groupId) : undefined) ?? doc.code ?? null,
      economyCode,
    };
  }

  /** A document's access and the ids of the files of all its revisions (two statements); null when it is gone. */
  async documentFiles(em: EntityManager, documentId: string): Promise<{ access: DocumentAccess; fileIds: string[] } | null> {
    const doc = await em.findOne(Document, { where: { id: documentId }, select: { id: true, access: true } });
    if (!doc) return null;
    const files = await em
      .createQueryBuilder(DocumentFile, 'f')
      .select('f.id', 'id')
      .innerJoin(DocumentRevision, 'r', 'r.id = f.revisionId')
      .where('r.documentId = :documentId', { documentId })
      .getRawMany<{ id: string }>();
    return { access: doc.access, fileIds: files.map((f) => f.id) };
  }

  /** The file with this id, or null. */
  file(em: EntityManager, fileId: string): Promise<DocumentFile | null> {
    return isUuid(fileId) ? em.findOne(DocumentFile, { where: { id: fileId } }) : Promise.resolve(null);
  }

  /** Which of these files exist, with their names (one statement). */
  async fileNames(em: EntityManager, fileIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(fileIds)];
    if (!ids.length) return new Map();
    const rows = await em.find(DocumentFile, { where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Up to `limit` files after `afterId`, in id order: a keyset walk that uploads meanwhile do not shift. */
  filesAfter(afterId: string, limit: number, em: EntityManager = this.uow.manager): Promise<{ id: string; name: string }[]> {
    return em.find(DocumentFile, { select: { id: true, name: true }, where: afterId ? { id: MoreThan(afterId) } : {}, order: { id: 'ASC' }, take: limit });
  }

  countFiles(em: EntityManager = this.uow.manager): Promise<number> {
    return em.count(DocumentFile);
  }

  /**
   * Documents the query names by symbol or part of one (`SPSG-006`, `2008/TELWG37/SPSG/6`,
   * `TEL37 SPSG 6`), among those the caller may read; newest first. Spaces count as separators here.
   */
  async namedBy(query: string, readable: DocumentAccess[], limit = 5): Promise<Document[]> {
    const text = query.trim();
    if (!text || text.length > 200) return [];
    const parts = parseSymbolQuery(text);
    if (!parts || parts.number === undefined) return [];
    const em = this.uow.manager;
    const qb = em.createQueryBuilder(Document, 'd').where('d.number = :number', { number: parts.number }).andWhere('d.access IN (:...readable)', { readable });
    if (parts.code) qb.andWhere('d.code = :code', { code: parts.code.toUpperCase() });
    if (parts.year) qb.andWhere('d.year = :year', { year: parts.year });
    if (parts.meeting) {
      const meetingId = await this.codes.meetingIdByCode(em, parts.meeting.toUpperCase().replace(/^TELWG(\d+)$/, 'TEL$1'));
      if (!meetingId) return [];
      qb.andWhere('d.meetingId = :meetingId', { meetingId });
    }
    // A symbol names one document; a bare "CODE-NNN" may name one per meeting: newest first.
    return qb.orderBy('d.year', 'DESC').addOrderBy('d.symbol', 'ASC').take(limit).getMany();
  }
}

/** DocumentIndexSource alone, for processes without the GraphQL API (the worker, `npm run reindex`). */
@Module({ imports: [MeetingCodesModule], providers: [DocumentIndexSource], exports: [DocumentIndexSource] })
export class DocumentIndexSourceModule {}
