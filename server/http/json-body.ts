import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../../domain/errors.js';
import { isSafeMethod } from './safe-methods.js';

export const BODY_LIMIT = '256kb';
// Article uploads carry files and contact imports a CSV file; every other body is small.
export const LARGE_BODY_LIMIT = '40mb';
const LARGE_BODY_LIMITS = new Map([
  ['/v1/admin/kb/import', LARGE_BODY_LIMIT],
  ['/v1/admin/contacts/import', '8mb'],
]);
// A comment carries its files in base64: 8 MB of them are about 11 MB.
const COMMENT_PATH = /^\/v1\/tickets\/[^/]+\/comments$/;
const COMMENT_BODY_LIMIT = '12mb';

/**
 * JSON only, size-limited. A write that declares any other content type is refused even when its body is empty,
 * so an HTML form or a beacon from another site cannot post to the API: a line of defence behind the Origin rule.
 */
export function jsonBody() {
  const parse = express.json({ limit: BODY_LIMIT, strict: true });
  const parseLarge = new Map([...LARGE_BODY_LIMITS].map(([path, limit]) => [path, express.json({ limit, strict: true })]));
  const parseComment = express.json({ limit: COMMENT_BODY_LIMIT, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const declaresOther = req.headers['content-type'] !== undefined && !isSafeMethod(req.method);
    if ((hasBody || declaresOther) && !req.is('application/json')) {
      return next(new AppError('unsupported_media_type', `content-type ${req.headers['content-type'] ?? 'missing'}`));
    }
    return (parseLarge.get(req.path) ?? (COMMENT_PATH.test(req.path) ? parseComment : parse))(req, res, next);
  };
}
