import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsPostgres1795851290333 implements MigrationInterface {
  name = 'JobsPostgres1795851290333';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"job_outbox\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"jobName\" character varying(64) NOT NULL, \"jobId\" character varying(200) NOT NULL, \"payload\" text NOT NULL, \"rerun\" boolean NOT NULL DEFAULT false, \"dispatchedAt\" TIMESTAMP, \"attempts\" integer NOT NULL DEFAULT '0', \"lastError\" character varying(1000), CONSTRAINT \"PK_c3ba45dab51e3016acef18d0433\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_8e9b81d23555732e215234763a\" ON \"job_outbox\"  (\"jobId\") ");
    await q.query("CREATE INDEX \"IDX_da316add523c4330b02b5ec5bb\" ON \"job_outbox\"  (\"dispatchedAt\", \"createdAt\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_da316add523c4330b02b5ec5bb\"");
    await q.query("DROP INDEX \"IDX_8e9b81d23555732e215234763a\"");
    await q.query("DROP TABLE \"job_outbox\"");
  }
}
