import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { SecretBox } from '../domain/secrets/secret-box.js';

const KEY_FILE = 'secret.key';

/**
 * The key that seals stored secrets: PORTICO_SECRET_KEY when set. In embedded mode without it, a random key kept in
 * the data directory beside the database (created on first start, readable by the owner only): one process owns that
 * directory, so the key needs no setup and survives restarts, and a database dump or a copied table alone still
 * reveals no secret. In scale-out mode nodes share no directory, so without the variable nothing can be sealed, and
 * the features that store a secret answer 503 until it is set.
 */
export function loadSecretBox(config: Pick<Config, 'secretKey' | 'mode' | 'dataDir'>, logger: Logger): SecretBox | undefined {
  if (config.secretKey) return new SecretBox(config.secretKey);
  if (config.mode === 'scale-out') {
    logger.warn('PORTICO_SECRET_KEY is not set: the embed secret for verified identities is unavailable');
    return undefined;
  }
  const path = join(config.dataDir, KEY_FILE);
  try {
    return new SecretBox(readFileSync(path, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  logger.info({ path }, 'generated the key for stored secrets');
  return new SecretBox(key);
}
