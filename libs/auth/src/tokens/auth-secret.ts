import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigError, MIN_AUTH_SECRET_LENGTH } from '@tel/core';

export const AUTH_SECRET_FILE = 'auth-secret';

/**
 * The key session tokens are signed with. AUTH_SECRET when set; required in production. Elsewhere
 * a random key is made the first time and kept in DATA_DIR/auth-secret (mode 0600), so sessions
 * survive restarts and the CLI and the API agree.
 */
export function resolveAuthSecret(config: AppConfig): string {
  if (config.auth.secret) return config.auth.secret;
  if (config.nodeEnv === 'production') {
    throw new ConfigError(`AUTH_SECRET is required when NODE_ENV=production (at least ${MIN_AUTH_SECRET_LENGTH} characters, e.g. \`openssl rand -base64 48\`)`);
  }
  const file = path.join(config.dataDir, AUTH_SECRET_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting at once keep the same key.
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    new Logger('Auth').log(`generated a signing key in ${file} (set AUTH_SECRET in production)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = fs.statSync(file);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600);
    new Logger('Auth').warn(`${file} was readable by others; its mode is now 0600`);
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_AUTH_SECRET_LENGTH) {
    throw new ConfigError(`${file} holds a key shorter than ${MIN_AUTH_SECRET_LENGTH} characters; delete it to make a new one`);
  }
  return secret;
}
