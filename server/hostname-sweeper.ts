import type pg from 'pg';
import type { Logger } from 'pino';
import type { CnameResolver } from '../domain/portal/cname-check.js';
import { checkDueCustomHostnames } from '../domain/portal/check-due-custom-hostnames.js';

/** Checks the custom hostnames' CNAME records on every node in the background; a round still running is not doubled. */
export function startHostnameSweeper(deps: { pool: pg.Pool; logger: Logger; resolver: CnameResolver; everyMs: number }): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    checkDueCustomHostnames(deps)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'checking custom hostnames failed'))
      .finally(() => (running = false));
  }, deps.everyMs);
  timer.unref();
  return timer;
}
