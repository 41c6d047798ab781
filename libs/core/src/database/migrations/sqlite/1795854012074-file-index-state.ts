import { MigrationInterface, QueryRunner } from 'typeorm';

export class FileIndexStateSqlite1795854012074 implements MigrationInterface {
  name = 'FileIndexStateSqlite1795854012074';

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_38270bf017f28d0491ae068c5d\"");
    await q.query("DROP INDEX \"IDX_d526d216b332f81518c04f8366\"");
    await q.query("DROP INDEX \"IDX_f0c768d65de08137b9daaf6b6e\"");
    await q.query("CREATE TABLE \"temporary_document_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"revisionId\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"originalName\" varchar(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"contentType\" varchar(120) NOT NULL, \"uploadedById\" varchar(36), \"indexState\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"indexError\" varchar(1000), \"pageCount\" integer, \"indexedAt\" varchar(32), CONSTRAINT \"FK_e7c7bdbb4ded8b9063fcb707bf4\" FOREIGN KEY (\"uploadedById\") REFERENCES \"app_user\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_be16f4755a8bb4c691004a2d5bb\" FOREIGN KEY (\"revisionId\") REFERENCES \"document_revision\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_document_file\"(\"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\" FROM \"document_file\"");
    await q.query("DROP TABLE \"document_file\"");
    await q.query("ALTER TABLE \"temporary_document_file\" RENAME TO \"document_file\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\" (\"revisionId\", \"name\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\" (\"revisionId\", \"sha256\") ");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\" (\"sha256\") ");
    await q.query("CREATE INDEX \"IDX_5a9df9acb8ac8d9406f4836522\" ON \"document_file\" (\"indexState\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_5a9df9acb8ac8d9406f4836522\"");
    await q.query("DROP INDEX \"IDX_f0c768d65de08137b9daaf6b6e\"");
    await q.query("DROP INDEX \"IDX_d526d216b332f81518c04f8366\"");
    await q.query("DROP INDEX \"IDX_38270bf017f28d0491ae068c5d\"");
    await q.query("ALTER TABLE \"document_file\" RENAME TO \"temporary_document_file\"");
    await q.query("CREATE TABLE \"document_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"revisionId\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"originalName\" varchar(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"contentType\" varchar(120) NOT NULL, \"uploadedById\" varchar(36), CONSTRAINT \"FK_e7c7bdbb4ded8b9063fcb707bf4\" FOREIGN KEY (\"uploadedById\") REFERENCES \"app_user\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_be16f4755a8bb4c691004a2d5bb\" FOREIGN KEY (\"revisionId\") REFERENCES \"document_revision\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"document_file\"(\"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\" FROM \"temporary_document_file\"");
    await q.query("DROP TABLE \"temporary_document_file\"");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\" (\"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\" (\"revisionId\", \"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\" (\"revisionId\", \"name\") ");
  }
}
