import { MigrationInterface, QueryRunner } from 'typeorm';

export class BrowserSessionsPostgres1796207739670 implements MigrationInterface {
  name = 'BrowserSessionsPostgres1796207739670';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"browser_session\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"secretHash\" character varying(64) NOT NULL, \"userId\" character varying(36) NOT NULL, \"sessionVersion\" integer NOT NULL, \"csrfToken\" character varying(64) NOT NULL, \"lastSeenAt\" TIMESTAMP NOT NULL, \"expiresAt\" TIMESTAMP NOT NULL, \"endedAt\" TIMESTAMP, \"endReason\" character varying(20), CONSTRAINT \"PK_302115be515504c021577b4d237\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\" ON \"browser_session\"  (\"secretHash\") ");
    await q.query("CREATE INDEX \"IDX_09e33513664f00d27406152455\" ON \"browser_session\"  (\"userId\") ");
    await q.query("CREATE INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\" ON \"browser_session\"  (\"expiresAt\") ");
    await q.query("ALTER TABLE \"browser_session\" ADD CONSTRAINT \"FK_09e33513664f00d274061524554\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"browser_session\" DROP CONSTRAINT \"FK_09e33513664f00d274061524554\"");
    await q.query("DROP INDEX \"IDX_94880be46d03e3eb1bf6d7bbe3\"");
    await q.query("DROP INDEX \"IDX_09e33513664f00d27406152455\"");
    await q.query("DROP INDEX \"IDX_cf1a21cdf5a6ef29de2018548b\"");
    await q.query("DROP TABLE \"browser_session\"");
  }
}
