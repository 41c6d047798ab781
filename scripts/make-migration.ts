/**
 * Writes a migration for each dialect with the SQL that brings a database at the current
 * migrations up to the current entities: `npm run migration:make -- AddDocuments`.
 * PostgreSQL needs DATABASE_URL (the CI machine's local server); SQLite runs in a temp file.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, ensurePostgresSchema, loadConfig, QueryCountingLogger } from '@tel/core';
import { ALL_ENTITIES } from '@tel/registry';

async function pendingSql(dialect: 'sqlite' | 'postgres'): Promise<{ up: string[]; down: string[] }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-migrate-'));
  const schema = `mk_${process.pid}`;
  const config = loadConfig({
    DATA_DIR: tmp,
    ...(dialect === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: schema } : {}),
  });
  await ensurePostgresSchema(config);
  const ds = new DataSource(buildDataSourceOptions(config, ALL_ENTITIES, new QueryCountingLogger(false)));
  await ds.initialize();
  try {
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    const render = (q: { query: string; parameters?: unknown[] }) => {
      if (q.parameters?.length) throw new Error(`parameterized schema query not supported: ${q.query}`);
      // The temporary schema must not leak into the migration (search_path picks the schema).
      return q.query.split(`"${schema}".`).join('');
    };
    return { up: sql.upQueries.map(render), down: sql.downQueries.map(render).reverse() };
  } finally {
    if (dialect === 'postgres') await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await ds.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:make -- PascalCaseName');
  const stamp = Date.now();
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const { up, down } = await pendingSql(dialect);
    if (!up.length) {
      console.log(`${dialect}: entities match the migrations; nothing to write`);
      continue;
    }
    // TypeORM orders migrations by the timestamp at the end of the class name.
    const className = `${name}${dialect === 'sqlite' ? 'Sqlite' : 'Postgres'}${stamp}`;
    const dir = path.join(__dirname, '..', 'libs/core/src/database/migrations', dialect);
    const file = path.join(dir, `${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
    const lines = (qs: string[]) => qs.map((q) => `    await q.query(${JSON.stringify(q)});`).join('\n');
    fs.writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  async up(q: QueryRunner): Promise<void> {\n${lines(up)}\n  }\n\n` +
        `  async down(q: QueryRunner): Promise<void> {\n${lines(down)}\n  }\n}\n`,
    );
    const index = path.join(dir, 'index.ts');
    let text = fs.readFileSync(index, 'utf8');
    const importName = className;
    text = `import { ${importName} } from './${path.basename(file, '.ts')}';\n` + text;
    text = text.replace(
      /(_MIGRATIONS: Function\[\] = \[)([^\]]*)\]/,
      (_m, head: string, list: string) => `${head}${list.trim() ? `${list.trim().replace(/,$/, '')}, ` : ''}${importName}]`,
    );
    fs.writeFileSync(index, text);
    console.log(`${dialect}: wrote ${path.relative(process.cwd(), file)} (${up.length} statements)`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
