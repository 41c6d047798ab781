import { MigrationInterface, QueryRunner } from 'typeorm';

export class BrowserSessionsSqlite1796207739670 implements MigrationInterface {
  name = 'BrowserSessionsSqlite1796207739670';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"browser_session\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"secretHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"sessionVersion\" integer NOT NULL, \"csrfToken\" varchar(64) NOT NULL, \"lastSeenAt\" datetime NOT NULL, \"expiresAt\" datetime NOT NULL, \"endedAt\" datetime, \"endReason\" varchar(20))");
    await q.query("CREATE UNIQUE INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\" ON \"browser_session\" (\"secretHash\") ");
    await q.query("CREATE INDEX \"IDX_09e33513664f00d27406152455\" ON \"browser_session\" (\"userId\") ");
    await q.query("CREATE INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\" ON \"browser_session\" (\"expiresAt\") ");
    await q.query("DROP INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\"");
    await q.query("DROP INDEX \"IDX_09e33513664f00d27406152455\"");
    await q.query("DROP INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\"");
    await q.query("CREATE TABLE \"temporary_browser_session\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"secretHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"sessionVersion\" integer NOT NULL, \"csrfToken\" varchar(64) NOT NULL, \"lastSeenAt\" datetime NOT NULL, \"expiresAt\" datetime NOT NULL, \"endedAt\" datetime, \"endReason\" varchar(20), CONSTRAINT \"FK_09e33513664f00d274061524554\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_browser_session\"(\"id\", \"createdAt\", \"updatedAt\", \"secretHash\", \"userId\", \"sessionVersion\", \"csrfToken\", \"lastSeenAt\", \"expiresAt\", \"endedAt\", \"endReason\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"secretHash\", \"userId\", \"sessionVersion\", \"csrfToken\", \"lastSeenAt\", \"expiresAt\", \"endedAt\", \"endReason\" FROM \"browser_session\"");
    await q.query("DROP TABLE \"browser_session\"");
    await q.query("ALTER TABLE \"temporary_browser_session\" RENAME TO \"browser_session\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\" ON \"browser_session\" (\"secretHash\") ");
    await q.query("CREATE INDEX \"IDX_09e33513664f00d27406152455\" ON \"browser_session\" (\"userId\") ");
    await q.query("CREATE INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\" ON \"browser_session\" (\"expiresAt\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\"");
    await q.query("DROP INDEX \"IDX_09e33513664f00d27406152455\"");
    await q.query("DROP INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\"");
    await q.query("ALTER TABLE \"browser_session\" RENAME TO \"temporary_browser_session\"");
    await q.query("CREATE TABLE \"browser_session\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"secretHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"sessionVersion\" integer NOT NULL, \"csrfToken\" varchar(64) NOT NULL, \"lastSeenAt\" datetime NOT NULL, \"expiresAt\" datetime NOT NULL, \"endedAt\" datetime, \"endReason\" varchar(20))");
    await q.query("INSERT INTO \"browser_session\"(\"id\", \"createdAt\", \"updatedAt\", \"secretHash\", \"userId\", \"sessionVersion\", \"csrfToken\", \"lastSeenAt\", \"expiresAt\", \"endedAt\", \"endReason\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"secretHash\", \"userId\", \"sessionVersion\", \"csrfToken\", \"lastSeenAt\", \"expiresAt\", \"endedAt\", \"endReason\" FROM \"temporary_browser_session\"");
    await q.query("DROP TABLE \"temporary_browser_session\"");
    await q.query("CREATE INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\" ON \"browser_session\" (\"expiresAt\") ");
    await q.query("CREATE INDEX \"IDX_09e33513664f00d27406152455\" ON \"browser_session\" (\"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\" ON \"browser_session\" (\"secretHash\") ");
    await q.query("DROP INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\"");
    await q.query("DROP INDEX \"IDX_09e33513664f00d27406152455\"");
    await q.query("DROP INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\"");
    await q.query("DROP TABLE \"browser_session\"");
  }
}
