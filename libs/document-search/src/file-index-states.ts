import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan, Not } from 'typeorm';
import { byKeys, isUniqueViolation, loaderFor, RequestContext, UnitOfWork } from '@tel/core';
import { DocumentIndexSource } from '@tel/documents';
import { FileIndexEntry, FileIndexState } from './file-index-entry.entity';

export type IndexRecord = Partial<Pick<FileIndexEntry, 'indexState' | 'indexError' | 'pageCount' | 'indexedAt'>>;

/**
 * The `file_index_state` table: every read and write of a file's indexing state goes through here.
 * A file without a row counts as PENDING (see FileIndexEntry).
 */
@Injectable()
export class FileIndexStates {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly source: DocumentIndexSource,
  ) {}

  /** A file's row, batched per request (one statement for a whole list of files). */
  entry(ctx: RequestContext, fileId: string): Promise<FileIndexEntry | null> {
    return loaderFor<string, FileIndexEntry | null>(ctx, 'fileIndexEntry', async (ids) => {
      const rows = await this.uow.manager.find(FileIndexEntry, { where: { fileId: In([...ids]) } });
      return byKeys(ids, rows, (r) => r.fileId);
    }).load(fileId);
  }

  /**
   * Writes a file's state. The write comes first (on SQLite it takes the write lock at once); a
   * file without a row gets one if it still exists. False when the file is gone.
   */
  async save(em: EntityManager, fileId: string, record: IndexRecord): Promise<boolean> {
    const { affected } = await em.update(FileIndexEntry, { fileId }, record);
    if (affected) return true;
    if (!(await this.source.file(em, fileId))) return false;
    try {
      await em.insert(FileIndexEntry, { fileId, ...record });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await em.update(FileIndexEntry, { fileId }, record); // recorded meanwhile by another process
    }
    return true;
  }

  /** Marks existing files PENDING (creating their rows), with the given other changes. */
  async markPending(em: EntityManager, fileIds: readonly string[], also: IndexRecord = {}): Promise<void> {
    if (!fileIds.length) return;
    const updatedAt = new Date();
    await em.upsert(
      FileIndexEntry,
      fileIds.map((fileId) => ({ fileId, ...also, indexState: FileIndexState.PENDING, updatedAt })),
      ['fileId'],
    );
  }

  /** Puts every file that is not PENDING back to PENDING, clearing its error (a rebuilt index). */
  async resetAll(em: EntityManager): Promise<number> {
    const { affected } = await em.update(FileIndexEntry, { indexState: Not(FileIndexState.PENDING) }, { indexState: FileIndexState.PENDING, indexError: null });
    return affected ?? 0;
  }

  /**
   * Gives a PENDING row to every file that has none (files the seed recorded). Cheap when there
   * are none: two counts; else one keyset walk over the file ids.
   */
  async adoptUnknownFiles(): Promise<number> {
    const em = this.uow.manager;
    const [files, rows] = await Promise.all([this.source.countFiles(em), em.count(FileIndexEntry)]);
    if (files <= rows) return 0;
    let adopted = 0;
    let after = '';
    for (;;) {
      const batch = await this.source.filesAfter(after, 500, em);
      if (!batch.length) break;
      after = batch[batch.length - 1].id;
      const known = new Set((await em.find(FileIndexEntry, { where: { fileId: In(batch.map((f) => f.id)) }, select: { fileId: true } })).map((r) => r.fileId));
      const missing = batch.filter((f) => !known.has(f.id)).map((f) => ({ fileId: f.id, indexState: FileIndexState.PENDING, updatedAt: new Date() }));
      if (missing.length) {
        await this.uow.write((tx) => tx.createQueryBuilder().insert().into(FileIndexEntry).values(missing).orIgnore().execute());
        adopted += missing.length;
      }
      if (batch.length < 500) break;
    }
    return adopted;
  }

  /** Files per state; files without a row count as PENDING. */
  async counts(): Promise<Map<FileIndexState, number>> {
    const em = this.uow.manager;
    const [rows, files] = await Promise.all([
      em
        .createQueryBuilder(FileIndexEntry, 's')
        .select('s.indexState', 'state')
        .addSelect('COUNT(*)', 'count')
        .groupBy('s.indexState')
        .getRawMany<{ state: FileIndexState; count: string | number }>(),
      this.source.countFiles(em),
    ]);
    const counts = new Map(rows.map((r) => [r.state, Number(r.count)]));
    const withRow = [...counts.values()].reduce((a, b) => a + b, 0);
    counts.set(FileIndexState.PENDING, (counts.get(FileIndexState.PENDING) ?? 0) + Math.max(files - withRow, 0));
    return counts;
  }

  /** PENDING rows, oldest change first. */
  pending(limit: number): Promise<Pick<FileIndexEntry, 'fileId' | 'updatedAt'>[]> {
    return this.uow.manager.find(FileIndexEntry, {
      where: { indexState: FileIndexState.PENDING },
      select: { fileId: true, updatedAt: true },
      order: { updatedAt: 'ASC', fileId: 'ASC' },
      take: limit,
    });
  }

  /** Every PENDING file id (rows only: adopt unknown files first). */
  async allPending(em: EntityManager): Promise<string[]> {
    return (await em.find(FileIndexEntry, { where: { indexState: FileIndexState.PENDING }, select: { fileId: true } })).map((r) => r.fileId);
  }

  async isPending(fileId: string): Promise<boolean> {
    const row = await this.uow.manager.findOne(FileIndexEntry, { where: { fileId }, select: { fileId: true, indexState: true } });
    if (row) return row.indexState === FileIndexState.PENDING;
    return (await this.source.file(this.uow.manager, fileId)) !== null;
  }

  /** Rows in these states (rows only: adopt unknown files first). */
  countIn(states: FileIndexState[]): Promise<number> {
    return this.uow.manager.count(FileIndexEntry, { where: { indexState: In(states) } });
  }

  /** Up to `limit` file ids in these states after `afterId`, in id order. */
  async idsIn(states: FileIndexState[], afterId: string, limit: number): Promise<string[]> {
    const rows = await this.uow.manager.find(FileIndexEntry, {
      select: { fileId: true },
      where: { indexState: In(states), ...(afterId ? { fileId: MoreThan(afterId) } : {}) },
      order: { fileId: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.fileId);
  }
}
