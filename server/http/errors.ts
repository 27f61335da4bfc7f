import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError } from '../../domain/errors.js';
import { languageFromAcceptHeader, type Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';

export function requestLanguage(req: Request): Language {
  return req.ctx?.actor.language ?? languageFromAcceptHeader(req.headers['accept-language']);
}

/** Express's own body-parser failures, which carry `type` and `status`, turned into domain errors. */
function fromBodyParser(error: { type?: string; status?: number }): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('validation_failed', 'malformed JSON', { params: { detail: 'the body is not valid JSON' } });
    case 'entity.too.large':
      return new AppError('payload_too_large', 'body too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'bad charset');
    default:
      return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error && typeof error === 'object') {
    const mapped = fromBodyParser(error as { type?: string });
    if (mapped) return mapped;
  }
  return new AppError('internal', 'unexpected error', { cause: error });
}

/** The one place where an error becomes an answer: status from its code, message in the user's language. */
export function errorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const appError = toAppError(error);
  if (appError.code === 'internal') req.log.error({ err: error }, 'request failed');
  // An outside service failed (SMS provider…): the user gets a plain message, the operator the reason.
  else if (appError.status >= 500) req.log.warn({ code: appError.code, reason: appError.message }, 'request failed');
  if (appError.retryAfter !== undefined) res.setHeader('Retry-After', String(appError.retryAfter));
  const message = t(requestLanguage(req), appError.messageKey, appError.params);
  res.status(appError.status);
  // A browser asking for a page gets a page; API callers always get JSON.
  if (!req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html') {
    res.type('html').send(`<!doctype html><meta charset="utf-8"><title>Portico</title><p>${escapeHtml(message)}</p>`);
    return;
  }
  res.json({
    error: {
      code: appError.code,
      message,
      ...(appError.details !== undefined ? { details: appError.details } : {}),
    },
  });
}
