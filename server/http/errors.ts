import type { NextFunction, Request, Response } from 'express';
import { isDatabaseUnreachable } from '../../db/database.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { languageFromAcceptHeader, type Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';

export function requestLanguage(req: Request): Language {
  return req.ctx?.actor.language ?? languageFromAcceptHeader(req.headers['accept-language']);
}

/**
 * Errors that express, its router and body-parser raise for a bad request (malformed JSON, an undecodable path,
 * a body that does not inflate…) carry a 4xx `status`: each becomes the domain error naming the problem.
 */
function fromFramework(error: { type?: string; status?: unknown; statusCode?: unknown; message?: unknown }): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('validation_failed', 'malformed JSON', { params: { detail: 'the body is not valid JSON' } });
    case 'entity.too.large':
      return new AppError('payload_too_large', 'body too large');
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type', 'bad content encoding');
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'bad charset');
  }
  const status = Number(error.status ?? error.statusCode);
  if (!Number.isInteger(status) || status < 400 || status > 499) return undefined;
  if (status === 413) return new AppError('payload_too_large', 'body too large');
  if (status === 415) return new AppError('unsupported_media_type', String(error.message));
  // The router's message names the path segment ("Failed to decode param…"), zlib's the body: both safe to show.
  const detail = error instanceof URIError || /decode param/i.test(String(error.message)) ? 'the path is not valid percent-encoded text' : 'the request body could not be read';
  return new AppError('validation_failed', String(error.message), { params: { detail } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error && typeof error === 'object') {
    const mapped = fromFramework(error as { type?: string });
    if (mapped) return mapped;
  }
  if (isDatabaseUnreachable(error)) return new AppError('unavailable', `database unreachable: ${(error as Error).message}`, { retryAfter: 5, cause: error });
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
