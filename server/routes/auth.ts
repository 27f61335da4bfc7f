import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { userView, UserViewSchema } from '../../domain/auth/describe-me.js';
import { login } from '../../domain/auth/login.js';
import type { LoginThrottle } from '../../domain/auth/login-throttle.js';
import { endSession, sessionKey } from '../../domain/auth/sessions.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../http/session-cookie.js';
import type { PortalEvents } from '../realtime/portal-events.js';

const LoginSchema = z
  .strictObject({ username: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) })
  .meta({ id: 'LoginRequest' });

export function authRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool; throttle: LoginThrottle; events: PortalEvents }): void {
  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in a contact or technician; sets the session cookie',
    tags: ['auth'],
    access: 'public',
    body: LoginSchema,
    response: z.object({ user: UserViewSchema }),
    errors: [401, 429],
    handler: async ({ body, req, res }) => {
      const tenantId = req.tenant!.id;
      const previousToken = readSessionToken(req.headers.cookie);
      const session = await login(deps, {
        tenantId,
        username: body.username,
        password: body.password,
        address: req.ip ?? 'unknown',
        previousToken,
      });
      if (previousToken) deps.events.emit('sessionEnded', sessionKey(previousToken));
      setSessionCookie(req, res, session.token, session.expiresAt);
      return { user: userView({ tenantId, actor: session.actor }) };
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: revokes the session on every node',
    tags: ['auth'],
    access: 'public',
    handler: async ({ req, res }) => {
      if (req.sessionToken && req.tenant) {
        await endSession(deps.pool, req.tenant.id, req.sessionToken);
        deps.events.emit('sessionEnded', sessionKey(req.sessionToken));
      }
      clearSessionCookie(req, res);
    },
  });
}
