import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarFeedsPostgres1796221361291 implements MigrationInterface {
  name = 'CalendarFeedsPostgres1796221361291';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"calendar_feed\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36) NOT NULL, \"secretHash\" character varying(64) NOT NULL, CONSTRAINT \"PK_24c0b9c80e4a4ac8752d854bc2e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_f6779773c62bb47bf4001a6906\" ON \"calendar_feed\"  (\"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_f9e3273bfcc552bcae0c60de20\" ON \"calendar_feed\"  (\"secretHash\") ");
    await q.query("ALTER TABLE \"calendar_feed\" ADD CONSTRAINT \"FK_f6779773c62bb47bf4001a69060\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"calendar_feed\" DROP CONSTRAINT \"FK_f6779773c62bb47bf4001a69060\"");
    await q.query("DROP INDEX \"IDX_f9e3273bfcc552bcae0c60de20\"");
    await q.query("DROP INDEX \"IDX_f6779773c62bb47bf4001a6906\"");
    await q.query("DROP TABLE \"calendar_feed\"");
  }
}
