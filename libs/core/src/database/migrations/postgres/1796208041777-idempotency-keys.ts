import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeysPostgres1796208041777 implements MigrationInterface {
  name = 'IdempotencyKeysPostgres1796208041777';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"idempotency_key\" (\"id\" character varying(36) NOT NULL, \"callerId\" character varying(36) NOT NULL, \"key\" character varying(255) NOT NULL, \"operation\" character varying(100) NOT NULL, \"fingerprint\" character varying(64) NOT NULL, \"resultEntity\" character varying(100), \"resultId\" character varying(36), \"replayable\" boolean NOT NULL DEFAULT true, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"expiresAt\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_213f125e14469be304f9ff1d452\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_b518f26ab85e77017f0ff4054b\" ON \"idempotency_key\"  (\"expiresAt\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_de917e1bdd83e51dad4494c5cb\" ON \"idempotency_key\"  (\"callerId\", \"key\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_de917e1bdd83e51dad4494c5cb\"");
    await q.query("DROP INDEX \"IDX_b518f26ab85e77017f0ff4054b\"");
    await q.query("DROP TABLE \"idempotency_key\"");
  }
}
