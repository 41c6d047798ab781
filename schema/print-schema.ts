import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig } from '@tel/core';
import { ApiModule } from '../apps/api/src/api.module';

export const SCHEMA_FILE = path.join(__dirname, 'schema.graphql');

/** Boots the API (temporary empty SQLite, no seed, not listening) and prints its sorted schema. */
export async function generateSchemaText(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-schema-'));
  const config = loadConfig({ DATA_DIR: dataDir, SEED_ON_START: 'false', NODE_ENV: 'development' });
  const app = await NestFactory.create(ApiModule.forRoot(config), { logger: ['error'] });
  try {
    await app.init();
    const { schema } = app.get(GraphQLSchemaHost);
    return `# Generated from the code by \`npm run schema\`. Do not edit: the tests fail when it drifts.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
