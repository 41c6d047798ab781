import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { byKeys, groupByKeys, loaderFor, Page, PageWindow, RequestContext, toPage, UnitOfWork } from '@tel/core';
import { DocumentFile } from '../files/document-file.entity';
import { DocumentRevision } from '../revisions/document-revision.entity';
import { readableAccess } from './document-access.rules';
import { Document } from './document.entity';

const SYMBOL_ORDER = { code: 'ASC', number: 'ASC', annex: 'ASC' } as const;

/**
 * Per-request batched reads of documents: one statement (two for paged lists) per batch, however
 * many parents ask. Lists hanging off meetings, sessions and agenda items only ever contain what
 * the caller may read, so a restricted document leaves no trace in them or in their counts.
 */
@Injectable()
export class DocumentsLoaders {
  constructor(private readonly uow: UnitOfWork) {}

  /** A document by id, or null — callers check whether it may be read. */
  document(ctx: RequestContext, id: string | null): Promise<Document | null> {
    if (!id) return Promise.resolve(null);
    return loaderFor<string, Document | null>(ctx, 'document', async (ids) => {
      const rows = await this.uow.manager.find(Document, { where: { id: In([...ids]) } });
      return byKeys(ids, rows, (r) => r.id);
    }).load(id);
  }

  /** Revisions of a document, newest first. */
  revisionsOf(ctx: RequestContext, documentId: string): Promise<DocumentRevision[]> {
    return loaderFor<string, DocumentRevision[]>(ctx, 'revisionsOfDocument', async (ids) => {
      const rows = await this.uow.manager.find(DocumentRevision, { where: { documentId: In([...ids]) }, order: { number: 'DESC' } });
      return groupByKeys(ids, rows, (r) => r.documentId);
    }).load(documentId);
  }

  revision(ctx: RequestContext, id: string): Promise<DocumentRevision | null> {
    return loaderFor<string, DocumentRevision | null>(ctx, 'revision', async (ids) => {
      const rows = await this.uow.manager.find(DocumentRevision, { where: { id: In([...ids]) } });
      return byKeys(ids, rows, (r) => r.id);
    }).load(id);
  }

  /** Files of a revision, by name. */
  filesOf(ctx: RequestContext, revisionId: string): Promise<DocumentFile[]> {
    return loaderFor<string, DocumentFile[]>(ctx, 'filesOfRevision', async (ids) => {
      const rows = await this.uow.manager.find(DocumentFile, { where: { revisionId: In([...ids]) }, order: { name: 'ASC' } });
      return groupByKeys(ids, rows, (r) => r.revisionId);
    }).load(revisionId);
  }

  ofAgendaItem(ctx: RequestContext, agendaItemId: string): Promise<Document[]> {
    return this.linked(ctx, 'agendaItemId', agendaItemId);
  }

  ofSession(ctx: RequestContext, sessionId: string): Promise<Document[]> {
    return this.linked(ctx, 'sessionId', sessionId);
  }

  /**
   * One page of a meeting's documents in symbol order, for many meetings at once: ROW_NUMBER()
   * numbers each meeting's readable documents, and one grouped COUNT gives every total.
   */
  ofMeeting(ctx: RequestContext, meetingId: string, window: PageWindow): Promise<Page<Document>> {
    const readable = readableAccess(ctx.actor);
    return loaderFor<string, Page<Document>>(ctx, `documentsOfMeeting:${readable.join(',')}:${window.offset}:${window.limit}`, async (meetingIds) => {
      const em = this.uow.manager;
      const ranked = em
        .createQueryBuilder(Document, 'd')
        .select('d.id', 'id')
        .addSelect('ROW_NUMBER() OVER (PARTITION BY d.meetingId ORDER BY d.code, d.number, d.annex)', 'rn')
        .where('d.meetingId IN (:...meetingIds)', { meetingIds })
        .andWhere('d.access IN (:...readable)', { readable });
      const ids: { id: string }[] = window.limit
        ? await em
            .createQueryBuilder()
            .select('ranked.id', 'id')
            .from(`(${ranked.getQuery()})`, 'ranked')
            .where('ranked.rn > :from AND ranked.rn <= :to', { from: window.offset, to: window.offset + window.limit })
            .setParameters(ranked.getParameters())
            .getRawMany()
        : [];
      const [rows, counts] = await Promise.all([
        ids.length ? em.find(Document, { where: { id: In(ids.map((r) => r.id)) }, order: SYMBOL_ORDER }) : Promise.resolve([] as Document[]),
        em
          .createQueryBuilder(Document, 'd')
          .select('d.meetingId', 'meetingId')
          .addSelect('COUNT(*)', 'total')
          .where('d.meetingId IN (:...meetingIds)', { meetingIds })
          .andWhere('d.access IN (:...readable)', { readable })
          .groupBy('d.meetingId')
          .getRawMany<{ meetingId: string; total: string | number }>(),
      ]);
      const totals = new Map(counts.map((c) => [c.meetingId, Number(c.total)]));
      return groupByKeys(meetingIds, rows, (r) => r.meetingId).map((nodes, i) => toPage(nodes, totals.get(meetingIds[i]) ?? 0, window));
    }).load(meetingId);
  }

  private linked(ctx: RequestContext, column: 'agendaItemId' | 'sessionId', id: string): Promise<Document[]> {
    const readable = readableAccess(ctx.actor);
    return loaderFor<string, Document[]>(ctx, `documentsBy:${column}:${readable.join(',')}`, async (ids) => {
      const rows = await this.uow.manager.find(Document, { where: { [column]: In([...ids]), access: In(readable) }, order: SYMBOL_ORDER });
      return groupByKeys(ids, rows, (r) => r[column]!);
    }).load(id);
  }
}
