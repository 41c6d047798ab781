import { MigrationInterface, QueryRunner } from 'typeorm';

export class FileIndexStatePostgres1795854012074 implements MigrationInterface {
  name = 'FileIndexStatePostgres1795854012074';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"document_file\" ADD \"indexState\" character varying(16) NOT NULL DEFAULT 'PENDING'");
    await q.query("ALTER TABLE \"document_file\" ADD \"indexError\" character varying(1000)");
    await q.query("ALTER TABLE \"document_file\" ADD \"pageCount\" integer");
    await q.query("ALTER TABLE \"document_file\" ADD \"indexedAt\" character varying(32)");
    await q.query("CREATE INDEX \"IDX_5a9df9acb8ac8d9406f4836522\" ON \"document_file\"  (\"indexState\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_5a9df9acb8ac8d9406f4836522\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"indexedAt\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"pageCount\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"indexError\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"indexState\"");
  }
}
