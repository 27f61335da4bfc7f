import { parse as parseCookies, serialize } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { resolveSession } from '../../domain/auth/sessions.js';

export const SESSION_COOKIE = 'portico_session';

function tokenShaped(token: string | undefined): string | undefined {
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return tokenShaped(parseCookies(cookieHeader)[SESSION_COOKIE]);
}

/** The token of `Authorization: Bearer <token>`, as the embedded widget sends it. */
export function readBearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization ?? '');
  return tokenShaped(match?.[1]);
}

/**
 * The session token a socket.io handshake carries: `auth: { token }` from the embedded widget, judged alone when
 * offered, or else the portal's cookie.
 */
export function readHandshakeToken(auth: unknown, cookieHeader: string | undefined): string | undefined {
  const offered = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
  if (offered !== undefined) return typeof offered === 'string' ? tokenShaped(offered) : undefined;
  return readSessionToken(cookieHeader);
}

/**
 * Attaches the signed-in actor, if any, to the request; routes decide whether they need one. A request that names a
 * bearer token is judged by it alone, so a cookie the browser also sends cannot stand in for a refused token.
 */
export function sessionLoader(pool: pg.Pool) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const bearer = req.headers.authorization !== undefined;
    const token = bearer ? readBearerToken(req.headers.authorization) : readSessionToken(req.headers.cookie);
    if (token && req.tenant) {
      const actor = await resolveSession(pool, req.tenant.id, token);
      if (actor) {
        req.ctx = { tenantId: req.tenant.id, actor };
        req.sessionToken = token;
        req.sessionTransport = bearer ? 'token' : 'cookie';
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
