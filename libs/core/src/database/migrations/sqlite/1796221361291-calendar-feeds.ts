import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarFeedsSqlite1796221361291 implements MigrationInterface {
  name = 'CalendarFeedsSqlite1796221361291';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"calendar_feed\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"secretHash\" varchar(64) NOT NULL)");
    await q.query("CREATE UNIQUE INDEX \"IDX_f6779773c62bb47bf4001a6906\" ON \"calendar_feed\" (\"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_f9e3273bfcc552bcae0c60de20\" ON \"calendar_feed\" (\"secretHash\") ");
    await q.query("DROP INDEX \"IDX_f6779773c62bb47bf4001a6906\"");
    await q.query("DROP INDEX \"IDX_f9e3273bfcc552bcae0c60de20\"");
    await q.query("CREATE TABLE \"temporary_calendar_feed\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"secretHash\" varchar(64) NOT NULL, CONSTRAINT \"FK_f6779773c62bb47bf4001a69060\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_calendar_feed\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"secretHash\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"secretHash\" FROM \"calendar_feed\"");
    await q.query("DROP TABLE \"calendar_feed\"");
    await q.query("ALTER TABLE \"temporary_calendar_feed\" RENAME TO \"calendar_feed\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_f6779773c62bb47bf4001a6906\" ON \"calendar_feed\" (\"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_f9e3273bfcc552bcae0c60de20\" ON \"calendar_feed\" (\"secretHash\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_f9e3273bfcc552bcae0c60de20\"");
    await q.query("DROP INDEX \"IDX_f6779773c62bb47bf4001a6906\"");
    await q.query("ALTER TABLE \"calendar_feed\" RENAME TO \"temporary_calendar_feed\"");
    await q.query("CREATE TABLE \"calendar_feed\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"secretHash\" varchar(64) NOT NULL)");
    await q.query("INSERT INTO \"calendar_feed\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"secretHash\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"secretHash\" FROM \"temporary_calendar_feed\"");
    await q.query("DROP TABLE \"temporary_calendar_feed\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_f9e3273bfcc552bcae0c60de20\" ON \"calendar_feed\" (\"secretHash\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_f6779773c62bb47bf4001a6906\" ON \"calendar_feed\" (\"userId\") ");
    await q.query("DROP INDEX \"IDX_f9e3273bfcc552bcae0c60de20\"");
    await q.query("DROP INDEX \"IDX_f6779773c62bb47bf4001a6906\"");
    await q.query("DROP TABLE \"calendar_feed\"");
  }
}
