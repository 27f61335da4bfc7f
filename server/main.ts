import { ConfigError, loadConfig } from '../config/env.js';
import { createLogger } from '../config/logger.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../db/seed/demo-tenant.js';
import { startPortico } from './start.js';

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let portico;
  try {
    portico = await startPortico(config, logger, { watchWidget: process.env.NODE_ENV !== 'production' });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const readyMs = Math.round(performance.now() - startedAt);
  logger.info({ url: portico.url, mode: config.mode, readyMs }, 'Portico is ready');

  if (config.seed === 'demo') {
    const width = Math.max(...DEMO_LOGINS.map((l) => l.username.length));
    process.stdout.write(
      [
        '',
        `  Portico is running at ${portico.url}  (${config.mode} mode, ready in ${readyMs} ms)`,
        '',
        `  Demo logins (password: ${DEMO_PASSWORD})`,
        ...DEMO_LOGINS.map((l) => `    ${l.username.padEnd(width)}  ${l.role}`),
        '',
      ].join('\n') + '\n',
    );
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    portico
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Portico failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
