import { MigrationInterface, QueryRunner } from 'typeorm';
// TypeORM orders migrations by the last 13 characters of the class name, so they must be the timestamp.

export class AccountsSqlite1795850835562 implements MigrationInterface {
  name = 'AccountsSqlite1795850835562';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"app_user\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"email\" varchar(254) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"roles\" varchar(100) NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"sessionVersion\" integer NOT NULL DEFAULT (0), \"economyId\" varchar(36))");
    await q.query("CREATE UNIQUE INDEX \"IDX_3fa909d0e37c531ebc23770339\" ON \"app_user\" (\"email\") ");
    await q.query("CREATE TABLE \"api_token\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"name\" varchar(100) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"hint\" varchar(16) NOT NULL, \"expiresAt\" datetime, \"revokedAt\" datetime)");
    await q.query("CREATE INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\" ON \"api_token\" (\"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_b8d5076cd3f3572829943b3f8a\" ON \"api_token\" (\"tokenHash\") ");
    await q.query("CREATE INDEX \"IDX_f9d9e80c13e70826e3e58ff463\" ON \"audit_event\" (\"actorEmail\") ");
    await q.query("DROP INDEX \"IDX_3fa909d0e37c531ebc23770339\"");
    await q.query("CREATE TABLE \"temporary_app_user\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"email\" varchar(254) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"roles\" varchar(100) NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"sessionVersion\" integer NOT NULL DEFAULT (0), \"economyId\" varchar(36), CONSTRAINT \"FK_83d90e50fe3e2d9a4cf7ac6af2c\" FOREIGN KEY (\"economyId\") REFERENCES \"economy\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_app_user\"(\"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\" FROM \"app_user\"");
    await q.query("DROP TABLE \"app_user\"");
    await q.query("ALTER TABLE \"temporary_app_user\" RENAME TO \"app_user\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_3fa909d0e37c531ebc23770339\" ON \"app_user\" (\"email\") ");
    await q.query("DROP INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\"");
    await q.query("DROP INDEX \"IDX_b8d5076cd3f3572829943b3f8a\"");
    await q.query("CREATE TABLE \"temporary_api_token\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"name\" varchar(100) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"hint\" varchar(16) NOT NULL, \"expiresAt\" datetime, \"revokedAt\" datetime, CONSTRAINT \"FK_cbfc4e2b85b78207afb0b2d7fbc\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_api_token\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"name\", \"tokenHash\", \"hint\", \"expiresAt\", \"revokedAt\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"name\", \"tokenHash\", \"hint\", \"expiresAt\", \"revokedAt\" FROM \"api_token\"");
    await q.query("DROP TABLE \"api_token\"");
    await q.query("ALTER TABLE \"temporary_api_token\" RENAME TO \"api_token\"");
    await q.query("CREATE INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\" ON \"api_token\" (\"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_b8d5076cd3f3572829943b3f8a\" ON \"api_token\" (\"tokenHash\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"IDX_b8d5076cd3f3572829943b3f8a\"");
    await q.query("DROP INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\"");
    await q.query("ALTER TABLE \"api_token\" RENAME TO \"temporary_api_token\"");
    await q.query("CREATE TABLE \"api_token\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"userId\" varchar(36) NOT NULL, \"name\" varchar(100) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"hint\" varchar(16) NOT NULL, \"expiresAt\" datetime, \"revokedAt\" datetime)");
    await q.query("INSERT INTO \"api_token\"(\"id\", \"createdAt\", \"updatedAt\", \"userId\", \"name\", \"tokenHash\", \"hint\", \"expiresAt\", \"revokedAt\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"userId\", \"name\", \"tokenHash\", \"hint\", \"expiresAt\", \"revokedAt\" FROM \"temporary_api_token\"");
    await q.query("DROP TABLE \"temporary_api_token\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_b8d5076cd3f3572829943b3f8a\" ON \"api_token\" (\"tokenHash\") ");
    await q.query("CREATE INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\" ON \"api_token\" (\"userId\") ");
    await q.query("DROP INDEX \"IDX_3fa909d0e37c531ebc23770339\"");
    await q.query("ALTER TABLE \"app_user\" RENAME TO \"temporary_app_user\"");
    await q.query("CREATE TABLE \"app_user\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"email\" varchar(254) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"roles\" varchar(100) NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"sessionVersion\" integer NOT NULL DEFAULT (0), \"economyId\" varchar(36))");
    await q.query("INSERT INTO \"app_user\"(\"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"email\", \"passwordHash\", \"roles\", \"disabled\", \"sessionVersion\", \"economyId\" FROM \"temporary_app_user\"");
    await q.query("DROP TABLE \"temporary_app_user\"");
    await q.query("CREATE UNIQUE INDEX \"IDX_3fa909d0e37c531ebc23770339\" ON \"app_user\" (\"email\") ");
    await q.query("DROP INDEX \"IDX_f9d9e80c13e70826e3e58ff463\"");
    await q.query("DROP INDEX \"IDX_b8d5076cd3f3572829943b3f8a\"");
    await q.query("DROP INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\"");
    await q.query("DROP TABLE \"api_token\"");
    await q.query("DROP INDEX \"IDX_3fa909d0e37c531ebc23770339\"");
    await q.query("DROP TABLE \"app_user\"");
  }
}
