import { MigrationInterface, QueryRunner } from 'typeorm';
// TypeORM orders migrations by the last 13 characters of the class name, so they must be the timestamp.

export class AccountsPostgres1795850835562 implements MigrationInterface {
  name = 'AccountsPostgres1795850835562';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"app_user\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"email\" character varying(254) NOT NULL, \"passwordHash\" character varying(255) NOT NULL, \"roles\" character varying(100) NOT NULL, \"disabled\" boolean NOT NULL DEFAULT false, \"sessionVersion\" integer NOT NULL DEFAULT '0', \"economyId\" character varying(36), CONSTRAINT \"PK_22a5c4a3d9b2fb8e4e73fc4ada1\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"IDX_3fa909d0e37c531ebc23770339\" ON \"app_user\"  (\"email\") ");
    await q.query("CREATE TABLE \"api_token\" (\"id\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), \"userId\" character varying(36) NOT NULL, \"name\" character varying(100) NOT NULL, \"tokenHash\" character varying(64) NOT NULL, \"hint\" character varying(16) NOT NULL, \"expiresAt\" TIMESTAMP, \"revokedAt\" TIMESTAMP, CONSTRAINT \"PK_d862311c568d175c26f41bc6f98\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\" ON \"api_token\"  (\"userId\") ");
    await q.query("CREATE UNIQUE INDEX \"IDX_b8d5076cd3f3572829943b3f8a\" ON \"api_token\"  (\"tokenHash\") ");
    await q.query("CREATE INDEX \"IDX_f9d9e80c13e70826e3e58ff463\" ON \"audit_event\"  (\"actorEmail\") ");
    await q.query("ALTER TABLE \"app_user\" ADD CONSTRAINT \"FK_83d90e50fe3e2d9a4cf7ac6af2c\" FOREIGN KEY (\"economyId\") REFERENCES \"economy\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"api_token\" ADD CONSTRAINT \"FK_cbfc4e2b85b78207afb0b2d7fbc\" FOREIGN KEY (\"userId\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"api_token\" DROP CONSTRAINT \"FK_cbfc4e2b85b78207afb0b2d7fbc\"");
    await q.query("ALTER TABLE \"app_user\" DROP CONSTRAINT \"FK_83d90e50fe3e2d9a4cf7ac6af2c\"");
    await q.query("DROP INDEX \"IDX_f9d9e80c13e70826e3e58ff463\"");
    await q.query("DROP INDEX \"IDX_b8d5076cd3f3572829943b3f8a\"");
    await q.query("DROP INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\"");
    await q.query("DROP TABLE \"api_token\"");
    await q.query("DROP INDEX \"IDX_3fa909d0e37c531ebc23770339\"");
    await q.query("DROP TABLE \"app_user\"");
  }
}
