import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentsSqlite1795851564041 implements MigrationInterface {
  name = 'DocumentsSqlite1795851564041';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"document_counter\" (\"meetingId\" varchar(36) NOT NULL, \"code\" varchar(40) NOT NULL, \"last\" integer NOT NULL, PRIMARY KEY (\"meetingId\", \"code\"))");
    await q.query("CREATE TABLE \"document\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"symbol\" varchar(80) NOT NULL, \"meetingId\" varchar(36) NOT NULL, \"year\" integer NOT NULL, \"code\" varchar(40) NOT NULL, \"number\" integer NOT NULL, \"annex\" varchar(3) NOT NULL, \"groupId\" varchar(36), \"title\" varchar(500) NOT NULL, \"type\" varchar(24) NOT NULL, \"purpose\" varchar(16) NOT NULL, \"access\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"statusNote\" text, \"language\" varchar(16) NOT NULL, \"submittedByEconomyId\" varchar(36), \"submittedByOrganizationId\" varchar(36), \"sessionId\" varchar(36), \"agendaItemId\" varchar(36), \"supersededById\" varchar(36), CONSTRAINT \"document_one_submitter\" CHECK (\"submittedByEconomyId\" IS NULL OR \"submittedByOrganizationId\" IS NULL))");
    await q.query("CREATE UNIQUE INDEX \"IDX_c385be38515780bb3f02fe78af\" ON \"document\" (\"symbol\") ");
    await q.query("CREATE INDEX \"IDX_6e3cbc7c4c4639f4839d32e7a7\" ON \"document\" (\"sessionId\") ");
    await q.query("CREATE INDEX \"IDX_d01db1ac7e4471d11de7288b30\" ON \"document\" (\"agendaItemId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_5e93bb6f549514e3a02d059ccd\" ON \"document\" (\"meetingId\", \"code\", \"number\", \"annex\") ");
    await q.query("CREATE TABLE \"document_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"revisionId\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"originalName\" varchar(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"contentType\" varchar(120) NOT NULL, \"uploadedById\" varchar(36))");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\" (\"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\" (\"revisionId\", \"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\" (\"revisionId\", \"name\") ");
    await q.query("CREATE TABLE \"document_revision\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"documentId\" varchar(36) NOT NULL, \"number\" integer NOT NULL, \"note\" text)");
    await q.query("CREATE UNIQUE INDEX \"IDX_403f154f844728c6106de33dbd\" ON \"document_revision\" (\"documentId\", \"number\") ");
    await q.query("CREATE TABLE \"temporary_document_counter\" (\"meetingId\" varchar(36) NOT NULL, \"code\" varchar(40) NOT NULL, \"last\" integer NOT NULL, CONSTRAINT \"FK_834ca259d60700c3d3970f55ed2\" FOREIGN KEY (\"meetingId\") REFERENCES \"meeting\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"meetingId\", \"code\"))");
    await q.query("INSERT INTO \"temporary_document_counter\"(\"meetingId\", \"code\", \"last\") SELECT \"meetingId\", \"code\", \"last\" FROM \"document_counter\"");
    await q.query("DROP TABLE \"document_counter\"");
    await q.query("ALTER TABLE \"temporary_document_counter\" RENAME TO \"document_counter\"");
    await q.query("DROP INDEX \"IDX_c385be38515780bb3f02fe78af\"");
    await q.query("DROP INDEX \"IDX_6e3cbc7c4c4639f4839d32e7a7\"");
    await q.query("DROP INDEX \"IDX_d01db1ac7e4471d11de7288b30\"");
    await q.query("DROP INDEX \"IDX_5e93bb6f549514e3a02d059ccd\"");
    await q.query("CREATE TABLE \"temporary_document\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"symbol\" varchar(80) NOT NULL, \"meetingId\" varchar(36) NOT NULL, \"year\" integer NOT NULL, \"code\" varchar(40) NOT NULL, \"number\" integer NOT NULL, \"annex\" varchar(3) NOT NULL, \"groupId\" varchar(36), \"title\" varchar(500) NOT NULL, \"type\" varchar(24) NOT NULL, \"purpose\" varchar(16) NOT NULL, \"access\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"statusNote\" text, \"language\" varchar(16) NOT NULL, \"submittedByEconomyId\" varchar(36), \"submittedByOrganizationId\" varchar(36), \"sessionId\" varchar(36), \"agendaItemId\" varchar(36), \"supersededById\" varchar(36), CONSTRAINT \"document_one_submitter\" CHECK (\"submittedByEconomyId\" IS NULL OR \"submittedByOrganizationId\" IS NULL), CONSTRAINT \"FK_f2764a4ac243d3f596693b5989c\" FOREIGN KEY (\"meetingId\") REFERENCES \"meeting\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_b1721731d1bd3d409bc9d107d51\" FOREIGN KEY (\"groupId\") REFERENCES \"tel_group\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_d8f6fb28d7e4242c586cc77d484\" FOREIGN KEY (\"submittedByEconomyId\") REFERENCES \"economy\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_a5a160909cb21901e00ca249046\" FOREIGN KEY (\"submittedByOrganizationId\") REFERENCES \"organization\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_6e3cbc7c4c4639f4839d32e7a71\" FOREIGN KEY (\"sessionId\") REFERENCES \"meeting_session\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_d01db1ac7e4471d11de7288b30f\" FOREIGN KEY (\"agendaItemId\") REFERENCES \"agenda_item\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_8777a2c1c1bb5444d9a11a1967f\" FOREIGN KEY (\"supersededById\") REFERENCES \"document\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_document\"(\"id\", \"createdAt\", \"updatedAt\", \"symbol\", \"meetingId\", \"year\", \"code\", \"number\", \"annex\", \"groupId\", \"title\", \"type\", \"purpose\", \"access\", \"status\", \"statusNote\", \"language\", \"submittedByEconomyId\", \"submittedByOrganizationId\", \"sessionId\", \"agendaItemId\", \"supersededById\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"symbol\", \"meetingId\", \"year\", \"code\", \"number\", \"annex\", \"groupId\", \"title\", \"type\", \"purpose\", \"access\", \"status\", \"statusNote\", \"language\", \"submittedByEconomyId\", \"submittedByOrganizationId\", \"sessionId\", \"agendaItemId\", \"supersededById\" FROM \"document\"");
    await q.query("DROP TABLE \"document\"");
    await q.query("ALTER TABLE \"temporary_document\" RENAME TO \"document\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_c385be38515780bb3f02fe78af\" ON \"document\" (\"symbol\") ");
    await q.query("CREATE INDEX \"IDX_6e3cbc7c4c4639f4839d32e7a7\" ON \"document\" (\"sessionId\") ");
    await q.query("CREATE INDEX \"IDX_d01db1ac7e4471d11de7288b30\" ON \"document\" (\"agendaItemId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_5e93bb6f549514e3a02d059ccd\" ON \"document\" (\"meetingId\", \"code\", \"number\", \"annex\") ");
    await q.query("DROP INDEX \"IDX_f0c768d65de08137b9daaf6b6e\"");
    await q.query("DROP INDEX \"IDX_d526d216b332f81518c04f8366\"");
    await q.query("DROP INDEX \"IDX_38270bf017f28d0491ae068c5d\"");
    await q.query("CREATE TABLE \"temporary_document_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"revisionId\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"originalName\" varchar(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"contentType\" varchar(120) NOT NULL, \"uploadedById\" varchar(36), CONSTRAINT \"FK_be16f4755a8bb4c691004a2d5bb\" FOREIGN KEY (\"revisionId\") REFERENCES \"document_revision\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_e7c7bdbb4ded8b9063fcb707bf4\" FOREIGN KEY (\"uploadedById\") REFERENCES \"app_user\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_document_file\"(\"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\" FROM \"document_file\"");
    await q.query("DROP TABLE \"document_file\"");
    await q.query("ALTER TABLE \"temporary_document_file\" RENAME TO \"document_file\"");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\" (\"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\" (\"revisionId\", \"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\" (\"revisionId\", \"name\") ");
    await q.query("DROP INDEX \"IDX_403f154f844728c6106de33dbd\"");
    await q.query("CREATE TABLE \"temporary_document_revision\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"documentId\" varchar(36) NOT NULL, \"number\" integer NOT NULL, \"note\" text, CONSTRAINT \"FK_f22a70265a3f2aadfd369a6ae62\" FOREIGN KEY (\"documentId\") REFERENCES \"document\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_document_revision\"(\"id\", \"createdAt\", \"updatedAt\", \"documentId\", \"number\", \"note\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"documentId\", \"number\", \"note\" FROM \"document_revision\"");
    await q.query("DROP TABLE \"document_revision\"");
    await q.query("ALTER TABLE \"temporary_document_revision\" RENAME TO \"document_revision\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_403f154f844728c6106de33dbd\" ON \"document_revision\" (\"documentId\", \"number\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_403f154f844728c6106de33dbd\"");
    await q.query("ALTER TABLE \"document_revision\" RENAME TO \"temporary_document_revision\"");
    await q.query("CREATE TABLE \"document_revision\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"documentId\" varchar(36) NOT NULL, \"number\" integer NOT NULL, \"note\" text)");
    await q.query("INSERT INTO \"document_revision\"(\"id\", \"createdAt\", \"updatedAt\", \"documentId\", \"number\", \"note\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"documentId\", \"number\", \"note\" FROM \"temporary_document_revision\"");
    await q.query("DROP TABLE \"temporary_document_revision\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_403f154f844728c6106de33dbd\" ON \"document_revision\" (\"documentId\", \"number\") ");
    await q.query("DROP INDEX \"IDX_38270bf017f28d0491ae068c5d\"");
    await q.query("DROP INDEX \"IDX_d526d216b332f81518c04f8366\"");
    await q.query("DROP INDEX \"IDX_f0c768d65de08137b9daaf6b6e\"");
    await q.query("ALTER TABLE \"document_file\" RENAME TO \"temporary_document_file\"");
    await q.query("CREATE TABLE \"document_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"revisionId\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"originalName\" varchar(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"contentType\" varchar(120) NOT NULL, \"uploadedById\" varchar(36))");
    await q.query("INSERT INTO \"document_file\"(\"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"revisionId\", \"name\", \"originalName\", \"size\", \"sha256\", \"kind\", \"contentType\", \"uploadedById\" FROM \"temporary_document_file\"");
    await q.query("DROP TABLE \"temporary_document_file\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\" (\"revisionId\", \"name\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\" (\"revisionId\", \"sha256\") ");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\" (\"sha256\") ");
    await q.query("DROP INDEX \"IDX_5e93bb6f549514e3a02d059ccd\"");
    await q.query("DROP INDEX \"IDX_d01db1ac7e4471d11de7288b30\"");
    await q.query("DROP INDEX \"IDX_6e3cbc7c4c4639f4839d32e7a7\"");
    await q.query("DROP INDEX \"IDX_c385be38515780bb3f02fe78af\"");
    await q.query("ALTER TABLE \"document\" RENAME TO \"temporary_document\"");
    await q.query("CREATE TABLE \"document\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"symbol\" varchar(80) NOT NULL, \"meetingId\" varchar(36) NOT NULL, \"year\" integer NOT NULL, \"code\" varchar(40) NOT NULL, \"number\" integer NOT NULL, \"annex\" varchar(3) NOT NULL, \"groupId\" varchar(36), \"title\" varchar(500) NOT NULL, \"type\" varchar(24) NOT NULL, \"purpose\" varchar(16) NOT NULL, \"access\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"statusNote\" text, \"language\" varchar(16) NOT NULL, \"submittedByEconomyId\" varchar(36), \"submittedByOrganizationId\" varchar(36), \"sessionId\" varchar(36), \"agendaItemId\" varchar(36), \"supersededById\" varchar(36), CONSTRAINT \"document_one_submitter\" CHECK (\"submittedByEconomyId\" IS NULL OR \"submittedByOrganizationId\" IS NULL))");
    await q.query("INSERT INTO \"document\"(\"id\", \"createdAt\", \"updatedAt\", \"symbol\", \"meetingId\", \"year\", \"code\", \"number\", \"annex\", \"groupId\", \"title\", \"type\", \"purpose\", \"access\", \"status\", \"statusNote\", \"language\", \"submittedByEconomyId\", \"submittedByOrganizationId\", \"sessionId\", \"agendaItemId\", \"supersededById\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"symbol\", \"meetingId\", \"year\", \"code\", \"number\", \"annex\", \"groupId\", \"title\", \"type\", \"purpose\", \"access\", \"status\", \"statusNote\", \"language\", \"submittedByEconomyId\", \"submittedByOrganizationId\", \"sessionId\", \"agendaItemId\", \"supersededById\" FROM \"temporary_document\"");
    await q.query("DROP TABLE \"temporary_document\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_5e93bb6f549514e3a02d059ccd\" ON \"document\" (\"meetingId\", \"code\", \"number\", \"annex\") ");
    await q.query("CREATE INDEX \"IDX_d01db1ac7e4471d11de7288b30\" ON \"document\" (\"agendaItemId\") ");
    await q.query("CREATE INDEX \"IDX_6e3cbc7c4c4639f4839d32e7a7\" ON \"document\" (\"sessionId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_c385be38515780bb3f02fe78af\" ON \"document\" (\"symbol\") ");
    await q.query("ALTER TABLE \"document_counter\" RENAME TO \"temporary_document_counter\"");
    await q.query("CREATE TABLE \"document_counter\" (\"meetingId\" varchar(36) NOT NULL, \"code\" varchar(40) NOT NULL, \"last\" integer NOT NULL, PRIMARY KEY (\"meetingId\", \"code\"))");
    await q.query("INSERT INTO \"document_counter\"(\"meetingId\", \"code\", \"last\") SELECT \"meetingId\", \"code\", \"last\" FROM \"temporary_document_counter\"");
    await q.query("DROP TABLE \"temporary_document_counter\"");
    await q.query("DROP INDEX \"IDX_403f154f844728c6106de33dbd\"");
    await q.query("DROP TABLE \"document_revision\"");
    await q.query("DROP INDEX \"IDX_38270bf017f28d0491ae068c5d\"");
    await q.query("DROP INDEX \"IDX_d526d216b332f81518c04f8366\"");
    await q.query("DROP INDEX \"IDX_f0c768d65de08137b9daaf6b6e\"");
    await q.query("DROP TABLE \"document_file\"");
    await q.query("DROP INDEX \"IDX_5e93bb6f549514e3a02d059ccd\"");
    await q.query("DROP INDEX \"IDX_d01db1ac7e4471d11de7288b30\"");
    await q.query("DROP INDEX \"IDX_6e3cbc7c4c4639f4839d32e7a7\"");
    await q.query("DROP INDEX \"IDX_c385be38515780bb3f02fe78af\"");
    await q.query("DROP TABLE \"document\"");
    await q.query("DROP TABLE \"document_counter\"");
  }
}
