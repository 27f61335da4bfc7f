import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may carry secrets anywhere in a log line; pino replaces their values. Named for the secret, not for a
 * common word: a bare `code` is a diagnostic (a PostgreSQL SQLSTATE, our error codes) and stays readable.
 */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'verificationCode',
  '*.verificationCode',
  'token',
  '*.token',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.authToken',
  '*.apiKey',
  'temporaryPassword',
  '*.temporaryPassword',
  '*.agentToken',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'portico' } },
    destination as pino.DestinationStream | undefined,
  );
}
