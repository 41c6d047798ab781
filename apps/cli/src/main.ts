/**
 * Accounts from the command line: `npm run cli -- create-user --email … --roles …`.
 * Opens the same database as the API (DATABASE_URL, or DATA_DIR's SQLite file) and runs its
 * migrations first.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@tel/core';
import { createCliContext } from './cli.module';
import { runCli } from './commands';

async function main(): Promise<number> {
  const io = { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  return runCli(process.argv.slice(2), io, () => createCliContext(loadConfig()));
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  });
