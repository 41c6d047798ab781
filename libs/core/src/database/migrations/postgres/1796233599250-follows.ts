import { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowsPostgres1796233599250 implements MigrationInterface {
  name = 'FollowsPostgres1796233599250';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"follow\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36) NOT NULL, \"kind\" character varying(16) NOT NULL, \"targetId\" character varying(36) NOT NULL, CONSTRAINT \"PK_fda88bc28a84d2d6d06e19df6e5\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\" ON \"follow\"  (\"kind\", \"targetId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\" ON \"follow\"  (\"userId\", \"kind\", \"targetId\") ");
    await q.query("CREATE TABLE \"follow_digest_item\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36) NOT NULL, \"itemKey\" character varying(100) NOT NULL, \"heading\" character varying(120) NOT NULL, \"citation\" character varying(100) NOT NULL, \"title\" character varying(500) NOT NULL, \"path\" character varying(500) NOT NULL, \"digestedOn\" character varying(10), CONSTRAINT \"PK_bdc0931761473f606da5deaff6f\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\" ON \"follow_digest_item\"  (\"digestedOn\", \"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_5f978e2fa33601633a6fdab37d\" ON \"follow_digest_item\"  (\"userId\", \"itemKey\") ");
    await q.query("ALTER TABLE \"follow\" ADD CONSTRAINT \"FK_af9f90ce5e8f66f845ebbcc6f15\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"follow_digest_item\" ADD CONSTRAINT \"FK_5a34f5667d03901b195a432fdbc\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"follow_digest_item\" DROP CONSTRAINT \"FK_5a34f5667d03901b195a432fdbc\"");
    await q.query("ALTER TABLE \"follow\" DROP CONSTRAINT \"FK_af9f90ce5e8f66f845ebbcc6f15\"");
    await q.query("DROP INDEX \"IDX_5f978e2fa33601633a6fdab37d\"");
    await q.query("DROP INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\"");
    await q.query("DROP TABLE \"follow_digest_item\"");
    await q.query("DROP INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\"");
    await q.query("DROP INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\"");
    await q.query("DROP TABLE \"follow\"");
  }
}
