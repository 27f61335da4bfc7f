import { ConfigError, loadConfig, type Config } from '../../config/env.js';
import { DataDirLockedError } from '../../db/data-dir-lock.js';
import { openDatabase, type Database } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';

/** Opens the configured database for a command-line tool, or exits with a message a user can act on. */
export async function openForCli(): Promise<{ config: Config; db: Database }> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrate(db.pool);
    return { config, db };
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      fail(
        `${error.message}\nThe embedded database is open in the running server: stop it and run this command again, ` +
          'or upload the articles through the API (POST /api/v1/admin/kb/import).',
      );
    }
    throw error;
  }
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
