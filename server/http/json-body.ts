import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../../domain/errors.js';

export const BODY_LIMIT = '256kb';
// Article uploads carry files; every other body is small.
const LARGE_BODY_PATHS = new Set(['/v1/admin/kb/import']);
export const LARGE_BODY_LIMIT = '40mb';

/**
 * JSON only, size-limited. Requiring the JSON content type on writes also means a cross-site HTML
 * form cannot post to the API, a second line of defence behind the SameSite cookie.
 */
export function jsonBody() {
  const parse = express.json({ limit: BODY_LIMIT, strict: true });
  const parseLarge = express.json({ limit: LARGE_BODY_LIMIT, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) {
      return next(new AppError('unsupported_media_type', `content-type ${req.headers['content-type'] ?? 'missing'}`));
    }
    return (LARGE_BODY_PATHS.has(req.path) ? parseLarge : parse)(req, res, next);
  };
}
