import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsSqlite1795851290333 implements MigrationInterface {
  name = 'JobsSqlite1795851290333';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"job_outbox\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"jobName\" varchar(64) NOT NULL, \"jobId\" varchar(200) NOT NULL, \"payload\" text NOT NULL, \"rerun\" boolean NOT NULL DEFAULT (0), \"dispatchedAt\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"lastError\" varchar(1000))");
    await q.query("CREATE INDEX \"IDX_8e9b81d23555732e215234763a\" ON \"job_outbox\" (\"jobId\") ");
    await q.query("CREATE INDEX \"IDX_da316add523c4330b02b5ec5bb\" ON \"job_outbox\" (\"dispatchedAt\", \"createdAt\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_da316add523c4330b02b5ec5bb\"");
    await q.query("DROP INDEX \"IDX_8e9b81d23555732e215234763a\"");
    await q.query("DROP TABLE \"job_outbox\"");
  }
}
