import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndNotificationsPostgres1796221672329 implements MigrationInterface {
  name = 'AccountsAndNotificationsPostgres1796221672329';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"account_token\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36) NOT NULL, \"purpose\" character varying(20) NOT NULL, \"tokenHash\" character varying(64) NOT NULL, \"expiresAt\" TIMESTAMP NOT NULL, \"usedAt\" TIMESTAMP, CONSTRAINT \"PK_a55842d3341d42534e39f85e931\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_1261696c0041394536e91c0a81\" ON \"account_token\"  (\"tokenHash\") ");
    await q.query("CREATE INDEX \"IDX_41c5215393b0d23560f5fec06d\" ON \"account_token\"  (\"userId\", \"purpose\") ");
    await q.query("CREATE TABLE \"mail_message\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36), \"toAddress\" character varying(254) NOT NULL, \"kind\" character varying(32) NOT NULL, \"subject\" character varying(300) NOT NULL, \"text\" text NOT NULL, \"html\" text NOT NULL, \"secretRef\" character varying(36), \"status\" character varying(16) NOT NULL DEFAULT 'PENDING', \"failures\" integer NOT NULL DEFAULT '0', \"lastError\" character varying(1000), \"sentAt\" TIMESTAMP, CONSTRAINT \"PK_d23285093ea237bc7632d4fcce9\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_ca1bb4c9e983f23b8d696faab3\" ON \"mail_message\"  (\"status\", \"createdAt\") ");
    await q.query("CREATE TABLE \"notification\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36) NOT NULL, \"kind\" character varying(32) NOT NULL, \"title\" character varying(300) NOT NULL, \"body\" text NOT NULL, \"path\" character varying(500), \"dedupeKey\" character varying(200), \"readAt\" TIMESTAMP, CONSTRAINT \"PK_705b6c7cdf9b2c2ff7ac7872cb7\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_f260e755ecee379407534d15ae\" ON \"notification\"  (\"userId\", \"dedupeKey\") ");
    await q.query("CREATE INDEX \"IDX_039c7fcba309434f48b3ffaa58\" ON \"notification\"  (\"userId\", \"createdAt\") ");
    await q.query("CREATE TABLE \"notification_setting\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36) NOT NULL, \"kind\" character varying(32) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT true, CONSTRAINT \"PK_af85fd153b97ee9eacb505453fe\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_c553addd9891c40264b5979eaa\" ON \"notification_setting\"  (\"userId\", \"kind\") ");
    await q.query("ALTER TABLE \"app_user\" ADD \"displayName\" character varying(200) NOT NULL DEFAULT ''");
    await q.query("ALTER TABLE \"app_user\" ADD \"personId\" character varying(36)");
    await q.query("ALTER TABLE \"app_user\" ADD CONSTRAINT \"FK_015f66b641066e621d5c9dbfd86\" FOREIGN KEY (\"personId\") REFERENCES \"person\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"account_token\" ADD CONSTRAINT \"FK_ca15dea3ff807360bfdd30d9577\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"mail_message\" ADD CONSTRAINT \"FK_f1de5ba9ec552fe1a8a2b22e1ea\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"notification\" ADD CONSTRAINT \"FK_1ced25315eb974b73391fb1c81b\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"notification_setting\" ADD CONSTRAINT \"FK_3480ded3271e72f04ecb8353ad1\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"notification_setting\" DROP CONSTRAINT \"FK_3480ded3271e72f04ecb8353ad1\"");
    await q.query("ALTER TABLE \"notification\" DROP CONSTRAINT \"FK_1ced25315eb974b73391fb1c81b\"");
    await q.query("ALTER TABLE \"mail_message\" DROP CONSTRAINT \"FK_f1de5ba9ec552fe1a8a2b22e1ea\"");
    await q.query("ALTER TABLE \"account_token\" DROP CONSTRAINT \"FK_ca15dea3ff807360bfdd30d9577\"");
    await q.query("ALTER TABLE \"app_user\" DROP CONSTRAINT \"FK_015f66b641066e621d5c9dbfd86\"");
    await q.query("ALTER TABLE \"app_user\" DROP COLUMN \"personId\"");
    await q.query("ALTER TABLE \"app_user\" DROP COLUMN \"displayName\"");
    await q.query("DROP INDEX \"IDX_c553addd9891c40264b5979eaa\"");
    await q.query("DROP TABLE \"notification_setting\"");
    await q.query("DROP INDEX \"IDX_039c7fcba309434f48b3ffaa58\"");
    await q.query("DROP INDEX \"IDX_f260e755ecee379407534d15ae\"");
    await q.query("DROP TABLE \"notification\"");
    await q.query("DROP INDEX \"IDX_ca1bb4c9e983f23b8d696faab3\"");
    await q.query("DROP TABLE \"mail_message\"");
    await q.query("DROP INDEX \"IDX_41c5215393b0d23560f5fec06d\"");
    await q.query("DROP INDEX \"IDX_1261696c0041394536e91c0a81\"");
    await q.query("DROP TABLE \"account_token\"");
  }
}
