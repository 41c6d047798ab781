import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountLastSignInPostgres1796266926417 implements MigrationInterface {
  name = 'AccountLastSignInPostgres1796266926417';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"app_user\" ADD \"lastSignInAt\" TIMESTAMP");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"app_user\" DROP COLUMN \"lastSignInAt\"");
  }
}
