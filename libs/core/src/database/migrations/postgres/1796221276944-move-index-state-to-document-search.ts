import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A file's indexing state moves from document_file (libs/documents) to file_index_state, owned by
 * libs/document-search: the table is created, every file's state copied into it, then the columns
 * dropped from document_file. Down copies them back.
 */
export class MoveIndexStateToDocumentSearchPostgres1796221276944 implements MigrationInterface {
  name = 'MoveIndexStateToDocumentSearchPostgres1796221276944';

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_5a9df9acb8ac8d9406f4836522\"");
    await q.query("CREATE TABLE \"file_index_state\" (\"fileId\" character varying(36) NOT NULL, \"indexState\" character varying(16) NOT NULL DEFAULT 'PENDING', \"indexError\" character varying(1000), \"pageCount\" integer, \"indexedAt\" character varying(32), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_ee69de23e685951295a97caa10f\" PRIMARY KEY (\"fileId\"))");
    await q.query("CREATE INDEX \"IDX_74c9b21334002258ac5afadff2\" ON \"file_index_state\"  (\"indexState\") ");
    // Every file gets its row, with its state as it stands, before the columns go.
    await q.query("INSERT INTO \"file_index_state\"(\"fileId\", \"indexState\", \"indexError\", \"pageCount\", \"indexedAt\", \"updatedAt\") SELECT \"id\", \"indexState\", \"indexError\", \"pageCount\", \"indexedAt\", \"updatedAt\" FROM \"document_file\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"pageCount\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"indexState\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"indexError\"");
    await q.query("ALTER TABLE \"document_file\" DROP COLUMN \"indexedAt\"");
    await q.query("ALTER TABLE \"file_index_state\" ADD CONSTRAINT \"FK_ee69de23e685951295a97caa10f\" FOREIGN KEY (\"fileId\") REFERENCES \"document_file\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"file_index_state\" DROP CONSTRAINT \"FK_ee69de23e685951295a97caa10f\"");
    await q.query("ALTER TABLE \"document_file\" ADD \"indexedAt\" character varying(32)");
    await q.query("ALTER TABLE \"document_file\" ADD \"indexError\" character varying(1000)");
    await q.query("ALTER TABLE \"document_file\" ADD \"indexState\" character varying(16) NOT NULL DEFAULT 'PENDING'");
    await q.query("ALTER TABLE \"document_file\" ADD \"pageCount\" integer");
    // The states go back onto document_file (a file without a row stays PENDING, the default).
    await q.query("UPDATE \"document_file\" f SET \"indexState\" = s.\"indexState\", \"indexError\" = s.\"indexError\", \"pageCount\" = s.\"pageCount\", \"indexedAt\" = s.\"indexedAt\" FROM \"file_index_state\" s WHERE s.\"fileId\" = f.\"id\"");
    await q.query("DROP INDEX \"IDX_74c9b21334002258ac5afadff2\"");
    await q.query("DROP TABLE \"file_index_state\"");
    await q.query("CREATE INDEX \"IDX_5a9df9acb8ac8d9406f4836522\" ON \"document_file\" USING btree (\"indexState\") ");
  }
}
