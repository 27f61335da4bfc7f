import type { Logger } from 'pino';
import type * as z from 'zod';
import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { parseInput } from '../../domain/validation.js';
import { toAppError } from '../http/errors.js';

export type Ack = (answer: unknown) => void;

/**
 * Wraps a socket event handler: the payload is parsed with its schema, the answer goes to the acknowledgement, and any
 * error becomes `{error:{code,message}}` in the user's language, so no event is ever left unanswered.
 */
export function handleEvent<S extends z.core.$ZodType>(
  schema: S,
  options: { logger: Logger; language: () => Language; event: string },
  handler: (payload: z.infer<S>) => Promise<unknown>,
) {
  return async (...args: unknown[]) => {
    const ack: Ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : () => undefined;
    try {
      ack(await handler(parseInput(schema, args[0])));
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') options.logger.error({ err: error, event: options.event }, 'socket event failed');
      // An outside service failed (SMS provider…): the user gets a plain message, the operator the reason.
      else if (appError.status >= 500) options.logger.warn({ code: appError.code, reason: appError.message, event: options.event }, 'socket event failed');
      ack({
        error: {
          code: appError.code,
          message: t(options.language(), appError.messageKey, appError.params),
          ...(appError.details !== undefined && appError.code === 'validation_failed' ? { details: appError.details } : {}),
          ...(appError.retryAfter !== undefined ? { retryAfter: appError.retryAfter } : {}),
        },
      });
    }
  };
}
