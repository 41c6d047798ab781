import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountLastSignInSqlite1796266926417 implements MigrationInterface {
  name = 'AccountLastSignInSqlite1796266926417';

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_3fa909d0e37c531ebc23770339\"");
    await q.query("CREATE TABLE \"temporary_app_user\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"email\" varchar(254) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"roles\" varchar(100) NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"sessionVersion\" integer NOT NULL DEFAULT (0), \"economyId\" varchar(36), \"displayName\" varchar(200) NOT NULL DEFAULT (''), \"personId\" varchar(36), \"lastSignInAt\" datetime, CONSTRAINT \"FK_015f66b641066e621d5c9dbfd86\" FOREIGN KEY (\"personId\") REFERENCES \"person\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_83d90e50fe3e2d9a4cf7ac6af2c\" FOREIGN KEY (\"economyId\") REFERENCES \"economy\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_app_user\"(\"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\", \"displayName\", \"personId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\", \"displayName\", \"personId\" FROM \"app_user\"");
    await q.query("DROP TABLE \"app_user\"");
    await q.query("ALTER TABLE \"temporary_app_user\" RENAME TO \"app_user\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_3fa909d0e37c531ebc23770339\" ON \"app_user\" (\"email\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_3fa909d0e37c531ebc23770339\"");
    await q.query("ALTER TABLE \"app_user\" RENAME TO \"temporary_app_user\"");
    await q.query("CREATE TABLE \"app_user\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"email\" varchar(254) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"roles\" varchar(100) NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"sessionVersion\" integer NOT NULL DEFAULT (0), \"economyId\" varchar(36), \"displayName\" varchar(200) NOT NULL DEFAULT (''), \"personId\" varchar(36), CONSTRAINT \"FK_015f66b641066e621d5c9dbfd86\" FOREIGN KEY (\"personId\") REFERENCES \"person\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_83d90e50fe3e2d9a4cf7ac6af2c\" FOREIGN KEY (\"economyId\") REFERENCES \"economy\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"app_user\"(\"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\", \"displayName\", \"personId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\", \"displayName\", \"personId\" FROM \"temporary_app_user\"");
    await q.query("DROP TABLE \"temporary_app_user\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_3fa909d0e37c531ebc23770339\" ON \"app_user\" (\"email\") ");
  }
}
