import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search engine's tables (libs/search, SEARCH_ENGINE=postgres). Written by hand,
 * not generated: they are no TypeORM entities (the engine speaks SQL, and TypeORM cannot declare
 * a GIN index), and SQLite has no counterpart — the SQLite engine makes its FTS5 tables itself
 * (sqlite-schema.ts). See libs/search/README.md.
 */
export class AddPostgresSearchIndexPostgres1796221190071 implements MigrationInterface {
  name = 'AddPostgresSearchIndexPostgres1796221190071';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "search_meta" ("key" text PRIMARY KEY, "value" text NOT NULL)');
    await q.query(
      'CREATE TABLE "search_file" ("id" bigserial PRIMARY KEY, "file_id" text NOT NULL UNIQUE, "document_id" text NOT NULL, "revision_id" text NOT NULL, ' +
        '"symbol" text NOT NULL, "title" text NOT NULL, "meeting_code" text, "group_code" text, "type" text, "year" integer, "language" text NOT NULL, ' +
        '"economies" text[] NOT NULL DEFAULT \'{}\', "restricted" boolean NOT NULL, "published_at" text)',
    );
    await q.query('CREATE INDEX "search_file_document" ON "search_file" ("document_id")');
    await q.query('CREATE INDEX "search_file_newest" ON "search_file" ("published_at")');
    await q.query(
      'CREATE TABLE "search_segment" ("file" bigint NOT NULL REFERENCES "search_file" ("id") ON DELETE CASCADE, "n" integer NOT NULL, "tsv" tsvector NOT NULL, PRIMARY KEY ("file", "n"))',
    );
    await q.query('CREATE INDEX "search_segment_tsv" ON "search_segment" USING gin ("tsv")');
    await q.query(
      'CREATE TABLE "search_chunk" ("file" bigint NOT NULL REFERENCES "search_file" ("id") ON DELETE CASCADE, "n" integer NOT NULL, "page" integer, "section" text, ' +
        '"language" text NOT NULL, "text" text NOT NULL, PRIMARY KEY ("file", "n"))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "search_chunk"');
    await q.query('DROP TABLE "search_segment"');
    await q.query('DROP TABLE "search_file"');
    await q.query('DROP TABLE "search_meta"');
  }
}
