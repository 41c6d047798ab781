import { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowsSqlite1796233599250 implements MigrationInterface {
  name = 'FollowsSqlite1796233599250';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"follow\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"kind\" varchar(16) NOT NULL, \"targetId\" varchar(36) NOT NULL)");
    await q.query("CREATE INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\" ON \"follow\" (\"kind\", \"targetId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\" ON \"follow\" (\"userId\", \"kind\", \"targetId\") ");
    await q.query("CREATE TABLE \"follow_digest_item\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"itemKey\" varchar(100) NOT NULL, \"heading\" varchar(120) NOT NULL, \"citation\" varchar(100) NOT NULL, \"title\" varchar(500) NOT NULL, \"path\" varchar(500) NOT NULL, \"digestedOn\" varchar(10))");
    await q.query("CREATE INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\" ON \"follow_digest_item\" (\"digestedOn\", \"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_5f978e2fa33601633a6fdab37d\" ON \"follow_digest_item\" (\"userId\", \"itemKey\") ");
    await q.query("DROP INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\"");
    await q.query("DROP INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\"");
    await q.query("CREATE TABLE \"temporary_follow\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"kind\" varchar(16) NOT NULL, \"targetId\" varchar(36) NOT NULL, CONSTRAINT \"FK_af9f90ce5e8f66f845ebbcc6f15\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_follow\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"kind\", \"targetId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"kind\", \"targetId\" FROM \"follow\"");
    await q.query("DROP TABLE \"follow\"");
    await q.query("ALTER TABLE \"temporary_follow\" RENAME TO \"follow\"");
    await q.query("CREATE INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\" ON \"follow\" (\"kind\", \"targetId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\" ON \"follow\" (\"userId\", \"kind\", \"targetId\") ");
    await q.query("DROP INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\"");
    await q.query("DROP INDEX \"IDX_5f978e2fa33601633a6fdab37d\"");
    await q.query("CREATE TABLE \"temporary_follow_digest_item\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"itemKey\" varchar(100) NOT NULL, \"heading\" varchar(120) NOT NULL, \"citation\" varchar(100) NOT NULL, \"title\" varchar(500) NOT NULL, \"path\" varchar(500) NOT NULL, \"digestedOn\" varchar(10), CONSTRAINT \"FK_5a34f5667d03901b195a432fdbc\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_follow_digest_item\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"itemKey\", \"heading\", \"citation\", \"title\", \"path\", \"digestedOn\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"itemKey\", \"heading\", \"citation\", \"title\", \"path\", \"digestedOn\" FROM \"follow_digest_item\"");
    await q.query("DROP TABLE \"follow_digest_item\"");
    await q.query("ALTER TABLE \"temporary_follow_digest_item\" RENAME TO \"follow_digest_item\"");
    await q.query("CREATE INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\" ON \"follow_digest_item\" (\"digestedOn\", \"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_5f978e2fa33601633a6fdab37d\" ON \"follow_digest_item\" (\"userId\", \"itemKey\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_5f978e2fa33601633a6fdab37d\"");
    await q.query("DROP INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\"");
    await q.query("ALTER TABLE \"follow_digest_item\" RENAME TO \"temporary_follow_digest_item\"");
    await q.query("CREATE TABLE \"follow_digest_item\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"itemKey\" varchar(100) NOT NULL, \"heading\" varchar(120) NOT NULL, \"citation\" varchar(100) NOT NULL, \"title\" varchar(500) NOT NULL, \"path\" varchar(500) NOT NULL, \"digestedOn\" varchar(10))");
    await q.query("INSERT INTO \"follow_digest_item\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"itemKey\", \"heading\", \"citation\", \"title\", \"path\", \"digestedOn\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"itemKey\", \"heading\", \"citation\", \"title\", \"path\", \"digestedOn\" FROM \"temporary_follow_digest_item\"");
    await q.query("DROP TABLE \"temporary_follow_digest_item\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_5f978e2fa33601633a6fdab37d\" ON \"follow_digest_item\" (\"userId\", \"itemKey\") ");
    await q.query("CREATE INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\" ON \"follow_digest_item\" (\"digestedOn\", \"userId\") ");
    await q.query("DROP INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\"");
    await q.query("DROP INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\"");
    await q.query("ALTER TABLE \"follow\" RENAME TO \"temporary_follow\"");
    await q.query("CREATE TABLE \"follow\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"kind\" varchar(16) NOT NULL, \"targetId\" varchar(36) NOT NULL)");
    await q.query("INSERT INTO \"follow\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"kind\", \"targetId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"kind\", \"targetId\" FROM \"temporary_follow\"");
    await q.query("DROP TABLE \"temporary_follow\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\" ON \"follow\" (\"userId\", \"kind\", \"targetId\") ");
    await q.query("CREATE INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\" ON \"follow\" (\"kind\", \"targetId\") ");
    await q.query("DROP INDEX \"IDX_5f978e2fa33601633a6fdab37d\"");
    await q.query("DROP INDEX \"IDX_832e7862ae062e0fd7dcb5b10e\"");
    await q.query("DROP TABLE \"follow_digest_item\"");
    await q.query("DROP INDEX \"IDX_53e5dc0eef04d50a00a0d8b21d\"");
    await q.query("DROP INDEX \"IDX_c1f8a0b8331fbd94ee4949f387\"");
    await q.query("DROP TABLE \"follow\"");
  }
}
