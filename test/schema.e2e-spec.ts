import * as fs from 'node:fs';
import { generateSchemaText, SCHEMA_FILE } from '../schema/print-schema';

describe('schema/schema.graphql', () => {
  it('is what the code generates (run `npm run schema` and commit it when this fails)', async () => {
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    expect(committed).toBe(await generateSchemaText());
  });
});
