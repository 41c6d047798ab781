import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeysSqlite1796208041777 implements MigrationInterface {
  name = 'IdempotencyKeysSqlite1796208041777';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"idempotency_key\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"callerId\" varchar(36) NOT NULL, \"key\" varchar(255) NOT NULL, \"operation\" varchar(100) NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"resultEntity\" varchar(100), \"resultId\" varchar(36), \"replayable\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"expiresAt\" datetime NOT NULL)");
    await q.query("CREATE INDEX \"IDX_b518f26ab85e77017f0ff4054b\" ON \"idempotency_key\" (\"expiresAt\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_de917e1bdd83e51dad4494c5cb\" ON \"idempotency_key\" (\"callerId\", \"key\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_de917e1bdd83e51dad4494c5cb\"");
    await q.query("DROP INDEX \"IDX_b518f26ab85e77017f0ff4054b\"");
    await q.query("DROP TABLE \"idempotency_key\"");
  }
}
