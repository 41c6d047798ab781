import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A file's indexing state moves from document_file (libs/documents) to file_index_state, owned by
 * libs/document-search: the table is created, every file's state copied into it, then the columns
 * dropped from document_file. Down copies them back.
 */
export class MoveIndexStateToDocumentSearchSqlite1796221276944 implements MigrationInterface {
  name = 'MoveIndexStateToDocumentSearchSqlite1796221276944';

  async up(q: QueryRunner): Promise<void> {
    // TypeORM runs SQLite migrations with foreign_keys OFF, so recreating document_file below does
    // not cascade into file_index_state. Every file gets its row, with its state as it stands.
    await q.query("CREATE TABLE \"file_index_state\" (\"fileId\" varchar(36) PRIMARY KEY NOT NULL, \"indexState\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"indexError\" varchar(1000), \"pageCount\" integer, \"indexedAt\" varchar(32), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_ee69de23e685951295a97caa10f\" FOREIGN KEY (\"fileId\") REFERENCES \"document_file\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("CREATE INDEX \"IDX_74c9b21334002258ac5afadff2\" ON \"file_index_state\" (\"indexState\") ");
    await q.query("INSERT INTO \"file_index_state\"(\"fileId\", \"indexState\", \"indexError\", \"pageCount\", \"indexedAt\", \"updatedAt\") SELECT \"id\", \"indexState\", \"indexError\", \"pageCount\", \"indexedAt\", \"updatedAt\" FROM \"document_file\"");
    await q.query("DROP INDEX \"IDX_5a9df9acb8ac8d9406f4836522\"");
    await q.query("DROP INDEX \"IDX_38270bf017f28d0491ae068c5d\"");
    await q.query("DROP INDEX \"IDX_d526d216b332f81518c04f8366\"");
    await q.query("DROP INDEX \"IDX_f0c768d65de08137b9daaf6b6e\"");
    await q.query("CREATE TABLE \"temporary_document_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"revisionId\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"originalName\" varchar(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"contentType\" varchar(120) NOT NULL, \"uploadedById\" varchar(36), CONSTRAINT \"FK_e7c7bdbb4ded8b9063fcb707bf4\" FOREIGN KEY (\"uploadedById\") REFERENCES \"app_user\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_be16f4755a8bb4c691004a2d5bb\" FOREIGN KEY (\"revisionId\") REFERENCES \"document_revision\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_document_file\"(\"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\" FROM \"document_file\"");
    await q.query("DROP TABLE \"document_file\"");
    await q.query("ALTER TABLE \"temporary_document_file\" RENAME TO \"document_file\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\" (\"revisionId\", \"name\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\" (\"revisionId\", \"sha256\") ");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\" (\"sha256\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    // The states go back onto document_file (a file without a row was PENDING).
    await q.query("DROP INDEX \"IDX_38270bf017f28d0491ae068c5d\"");
    await q.query("DROP INDEX \"IDX_d526d216b332f81518c04f8366\"");
    await q.query("DROP INDEX \"IDX_f0c768d65de08137b9daaf6b6e\"");
    await q.query("CREATE TABLE \"temporary_document_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"revisionId\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"originalName\" varchar(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"contentType\" varchar(120) NOT NULL, \"uploadedById\" varchar(36), \"indexState\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"indexError\" varchar(1000), \"pageCount\" integer, \"indexedAt\" varchar(32), CONSTRAINT \"FK_e7c7bdbb4ded8b9063fcb707bf4\" FOREIGN KEY (\"uploadedById\") REFERENCES \"app_user\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_be16f4755a8bb4c691004a2d5bb\" FOREIGN KEY (\"revisionId\") REFERENCES \"document_revision\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_document_file\"(\"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\", \"indexState\", \"indexError\", \"pageCount\", \"indexedAt\") SELECT f.\"id\", f.\"createdAt\", f.\"updatedAt\", f.\"revisionId\", f.\"name\", f.\"originalName\", f.\"size\", f.\"sha256\", f.\"kind\", f.\"contentType\", f.\"uploadedById\", COALESCE(s.\"indexState\", 'PENDING'), s.\"indexError\", s.\"pageCount\", s.\"indexedAt\" FROM \"document_file\" f LEFT JOIN \"file_index_state\" s ON s.\"fileId\" = f.\"id\"");
    await q.query("DROP TABLE \"document_file\"");
    await q.query("ALTER TABLE \"temporary_document_file\" RENAME TO \"document_file\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\" (\"revisionId\", \"name\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\" (\"revisionId\", \"sha256\") ");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\" (\"sha256\") ");
    await q.query("CREATE INDEX \"IDX_5a9df9acb8ac8d9406f4836522\" ON \"document_file\" (\"indexState\") ");
    await q.query("DROP INDEX \"IDX_74c9b21334002258ac5afadff2\"");
    await q.query("DROP TABLE \"file_index_state\"");
  }
}
