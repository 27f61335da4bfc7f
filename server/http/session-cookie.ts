import { parse as parseCookies, serialize } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { resolveSession } from '../../domain/auth/sessions.js';

export const SESSION_COOKIE = 'portico_session';

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const token = parseCookies(cookieHeader)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/** Attaches the signed-in actor, if any, to the request; routes decide whether they need one. */
export function sessionLoader(pool: pg.Pool) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = readSessionToken(req.headers.cookie);
    if (token && req.tenant) {
      const actor = await resolveSession(pool, req.tenant.id, token);
      if (actor) {
        req.ctx = { tenantId: req.tenant.id, actor };
        req.sessionToken = token;
      }
    }
    next();
  };
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', expires: expiresAt }),
  );
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', expires: new Date(0) }),
  );
}
