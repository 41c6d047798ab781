import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * document_generation changes with every change to the documents a caller may not see (see
 * DocumentGeneration): one statement-level trigger, in the schema the migrations run in (the
 * function finds the table by search_path, as every statement of the application does).
 */
const FRESH = 'md5(random()::text || clock_timestamp()::text)';

export class DocumentGenerationPostgres1796288309844 implements MigrationInterface {
  name = 'DocumentGenerationPostgres1796288309844';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"document_generation\" (\"id\" integer NOT NULL, \"value\" character varying(64) NOT NULL, CONSTRAINT \"PK_7d7cb79630c130b1a149ea5e456\" PRIMARY KEY (\"id\"))");
    await q.query(`INSERT INTO "document_generation" ("id", "value") VALUES (1, ${FRESH})`);
    await q.query(
      `CREATE FUNCTION "document_generation_bump"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE "document_generation" SET "value" = ${FRESH} WHERE "id" = 1; RETURN NULL; END $$`,
    );
    await q.query(
      'CREATE TRIGGER "document_generation_change" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "access", "symbol", "title" ON "document" FOR EACH STATEMENT EXECUTE FUNCTION "document_generation_bump"()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS "document_generation_change" ON "document"');
    await q.query('DROP FUNCTION IF EXISTS "document_generation_bump"()');
    await q.query("DROP TABLE \"document_generation\"");
  }
}
