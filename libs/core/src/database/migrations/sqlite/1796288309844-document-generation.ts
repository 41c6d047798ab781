import { MigrationInterface, QueryRunner } from 'typeorm';

/** A new random value: 32 hex digits. */
const FRESH = 'lower(hex(randomblob(16)))';
const BUMP = `UPDATE "document_generation" SET "value" = ${FRESH} WHERE "id" = 1`;

/**
 * The triggers that change document_generation with every change to the documents a caller may
 * not see (see DocumentGeneration). A later migration that rebuilds the document table (SQLite's
 * temporary_ table dance) drops them: DocumentVisibility checks that they exist and, when they
 * do not, loads the list for every request as before (test/document-visibility-cache.e2e-spec.ts).
 */
export const DOCUMENT_GENERATION_TRIGGERS_SQLITE = [
  `CREATE TRIGGER "document_generation_insert" AFTER INSERT ON "document" BEGIN ${BUMP}; END`,
  `CREATE TRIGGER "document_generation_update" AFTER UPDATE OF "access", "symbol", "title" ON "document" BEGIN ${BUMP}; END`,
  `CREATE TRIGGER "document_generation_delete" AFTER DELETE ON "document" BEGIN ${BUMP}; END`,
];

export class DocumentGenerationSqlite1796288309844 implements MigrationInterface {
  name = 'DocumentGenerationSqlite1796288309844';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"document_generation\" (\"id\" integer PRIMARY KEY NOT NULL, \"value\" varchar(64) NOT NULL)");
    await q.query(`INSERT INTO "document_generation" ("id", "value") VALUES (1, ${FRESH})`);
    for (const trigger of DOCUMENT_GENERATION_TRIGGERS_SQLITE) await q.query(trigger);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS "document_generation_${name}"`);
    await q.query("DROP TABLE \"document_generation\"");
  }
}
