import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentsPostgres1795851564041 implements MigrationInterface {
  name = 'DocumentsPostgres1795851564041';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"document_counter\" (\"meetingId\" character varying(36) NOT NULL, \"code\" character varying(40) NOT NULL, \"last\" integer NOT NULL, CONSTRAINT \"PK_687084ab6938da3c69a5c4b7735\" PRIMARY KEY (\"meetingId\", \"code\"))");
    await q.query("CREATE TABLE \"document\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"symbol\" character varying(80) NOT NULL, \"meetingId\" character varying(36) NOT NULL, \"year\" integer NOT NULL, \"code\" character varying(40) NOT NULL, \"number\" integer NOT NULL, \"annex\" character varying(3) NOT NULL, \"groupId\" character varying(36), \"title\" character varying(500) NOT NULL, \"type\" character varying(24) NOT NULL, \"purpose\" character varying(16) NOT NULL, \"access\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"statusNote\" text, \"language\" character varying(16) NOT NULL, \"submittedByEconomyId\" character varying(36), \"submittedByOrganizationId\" character varying(36), \"sessionId\" character varying(36), \"agendaItemId\" character varying(36), \"supersededById\" character varying(36), CONSTRAINT \"document_one_submitter\" CHECK (\"submittedByEconomyId\" IS NULL OR \"submittedByOrganizationId\" IS NULL), CONSTRAINT \"PK_e57d3357f83f3cdc0acffc3d777\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_c385be38515780bb3f02fe78af\" ON \"document\"  (\"symbol\") ");
    await q.query("CREATE INDEX \"IDX_6e3cbc7c4c4639f4839d32e7a7\" ON \"document\"  (\"sessionId\") ");
    await q.query("CREATE INDEX \"IDX_d01db1ac7e4471d11de7288b30\" ON \"document\"  (\"agendaItemId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_5e93bb6f549514e3a02d059ccd\" ON \"document\"  (\"meetingId\", \"code\", \"number\", \"annex\") ");
    await q.query("CREATE TABLE \"document_file\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"revisionId\" character varying(36) NOT NULL, \"name\" character varying(255) NOT NULL, \"originalName\" character varying(1000) NOT NULL, \"size\" integer NOT NULL, \"sha256\" character varying(64) NOT NULL, \"kind\" character varying(8) NOT NULL, \"contentType\" character varying(120) NOT NULL, \"uploadedById\" character varying(36), CONSTRAINT \"PK_b9e7d1916962b81f2c3b5b54804\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_f0c768d65de08137b9daaf6b6e\" ON \"document_file\"  (\"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_d526d216b332f81518c04f8366\" ON \"document_file\"  (\"revisionId\", \"sha256\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_38270bf017f28d0491ae068c5d\" ON \"document_file\"  (\"revisionId\", \"name\") ");
    await q.query("CREATE TABLE \"document_revision\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"documentId\" character varying(36) NOT NULL, \"number\" integer NOT NULL, \"note\" text, CONSTRAINT \"PK_f416b4fe1a4994e9445d8f904a1\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_403f154f844728c6106de33dbd\" ON \"document_revision\"  (\"documentId\", \"number\") ");
    await q.query("ALTER TABLE \"document_counter\" ADD CONSTRAINT \"FK_834ca259d60700c3d3970f55ed2\" FOREIGN KEY (\"meetingId\") REFERENCES \"meeting\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_f2764a4ac243d3f596693b5989c\" FOREIGN KEY (\"meetingId\") REFERENCES \"meeting\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_b1721731d1bd3d409bc9d107d51\" FOREIGN KEY (\"groupId\") REFERENCES \"tel_group\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_d8f6fb28d7e4242c586cc77d484\" FOREIGN KEY (\"submittedByEconomyId\") REFERENCES \"economy\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_a5a160909cb21901e00ca249046\" FOREIGN KEY (\"submittedByOrganizationId\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_6e3cbc7c4c4639f4839d32e7a71\" FOREIGN KEY (\"sessionId\") REFERENCES \"meeting_session\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_d01db1ac7e4471d11de7288b30f\" FOREIGN KEY (\"agendaItemId\") REFERENCES \"agenda_item\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_8777a2c1c1bb5444d9a11a1967f\" FOREIGN KEY (\"supersededById\") REFERENCES \"document\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document_file\" ADD CONSTRAINT \"FK_be16f4755a8bb4c691004a2d5bb\" FOREIGN KEY (\"revisionId\") REFERENCES \"document_revision\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document_file\" ADD CONSTRAINT \"FK_e7c7bdbb4ded8b9063fcb707bf4\" FOREIGN KEY (\"uploadedById\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"document_revision\" ADD CONSTRAINT \"FK_f22a70265a3f2aadfd369a6ae62\" FOREIGN KEY (\"documentId\") REFERENCES \"document\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"document_revision\" DROP CONSTRAINT \"FK_f22a70265a3f2aadfd369a6ae62\"");
    await q.query("ALTER TABLE \"document_file\" DROP CONSTRAINT \"FK_e7c7bdbb4ded8b9063fcb707bf4\"");
    await q.query("ALTER TABLE \"document_file\" DROP CONSTRAINT \"FK_be16f4755a8bb4c691004a2d5bb\"");
    await q.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_8777a2c1c1bb5444d9a11a1967f\"");
    await q.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_d01db1ac7e4471d11de7288b30f\"");
    await q.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_6e3cbc7c4c4639f4839d32e7a71\"");
    await q.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_a5a160909cb21901e00ca249046\"");
    await q.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_d8f6fb28d7e4242c586cc77d484\"");
    await q.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_b1721731d1bd3d409bc9d107d51\"");
    await q.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_f2764a4ac243d3f596693b5989c\"");
    await q.query("ALTER TABLE \"document_counter\" DROP CONSTRAINT \"FK_834ca259d60700c3d3970f55ed2\"");
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
