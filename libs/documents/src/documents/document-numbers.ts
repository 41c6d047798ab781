import { EntityManager } from 'typeorm';

/**
 * Document numbers per meeting and code, from the document_counter row of the pair, changed only by
 * one atomic upsert: INSERT … ON CONFLICT DO UPDATE … RETURNING. On PostgreSQL the upsert locks the
 * counter row until the registering transaction ends, so concurrent registrations queue on it and
 * each sees the number the previous one committed — never the same number twice, and a rolled-back
 * registration gives its number back. (On SQLite the UnitOfWork already serializes writers.)
 * The unique index on document (meetingId, code, number, annex) is the last line of defence.
 */

function isPostgres(em: EntityManager): boolean {
  return em.connection.options.type === 'postgres';
}

const placeholders = (em: EntityManager, n: number) => Array.from({ length: n }, (_, i) => (isPostgres(em) ? `$${i + 1}` : '?')).join(', ');

/** The next free number for (meeting, code): 1 for the first document. Call inside the registering transaction. */
export async function takeNextDocumentNumber(em: EntityManager, meetingId: string, code: string): Promise<number> {
  const rows: { last: number | string }[] = await em.query(
    `INSERT INTO "document_counter" ("meetingId", "code", "last") VALUES (${placeholders(em, 2)}, 1)
     ON CONFLICT ("meetingId", "code") DO UPDATE SET "last" = "document_counter"."last" + 1
     RETURNING "last"`,
    [meetingId, code],
  );
  return Number(rows[0].last);
}

/** Moves the counter past `number` (a document registered under an explicit symbol), never back. */
export async function reserveDocumentNumber(em: EntityManager, meetingId: string, code: string, number: number): Promise<void> {
  const larger = isPostgres(em) ? 'GREATEST' : 'MAX';
  await em.query(
    `INSERT INTO "document_counter" ("meetingId", "code", "last") VALUES (${placeholders(em, 3)})
     ON CONFLICT ("meetingId", "code") DO UPDATE SET "last" = ${larger}("document_counter"."last", excluded."last")`,
    [meetingId, code, number],
  );
}
