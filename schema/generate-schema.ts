/** `npm run schema`: writes schema/schema.graphql from the code-first schema. */
import 'reflect-metadata';
import * as fs from 'node:fs';
import { generateSchemaText, SCHEMA_FILE } from './print-schema';

generateSchemaText()
  .then((text) => {
    fs.writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
