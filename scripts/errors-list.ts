import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorsMarkdown } from '../libs/core/src/errors/errors-doc';

/** Writes docs/ERRORS.md from the error catalogue (libs/core/src/errors/error-reasons.ts). */
const target = join(__dirname, '..', 'docs', 'ERRORS.md');
writeFileSync(target, errorsMarkdown());
console.log(`wrote ${target}`);
