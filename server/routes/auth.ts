import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { userView, UserViewSchema } from '../../domain/auth/describe-me.js';
import { login } from '../../domain/auth/login.js';
import type { LoginThrottle } from '../../domain/auth/login-throttle.js';
import { endSession, refreshToken, sessionKey } from '../../domain/auth/sessions.js';
import { signInWithVerifiedIdentity, VerifiedIdentitySchema, type IdentityThrottle } from '../../domain/auth/verified-identity.js';
import { AppError } from '../../domain/errors.js';
import type { SecretBox } from '../../domain/secrets/secret-box.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import { clearSessionCookie, readBearerToken, readSessionToken, setSessionCookie } from '../http/session-cookie.js';
import type { PortalEvents } from '../realtime/portal-events.js';

const LoginSchema = z
  .strictObject({
    username: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(1024),
    transport: z
      .enum(['cookie', 'token'])
      .optional()
      .meta({ description: '`token` for the widget on another origin: the session comes back as a bearer token, and no cookie is set.' }),
  })
  .meta({ id: 'LoginRequest' });

const TokenGrantSchema = z
  .object({
    token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`, and as `auth: { token }` in the socket.io handshake.' }),
    expiresAt: z.iso.datetime().meta({ description: 'Refresh before then with POST /api/v1/auth/token.' }),
  })
  .meta({ id: 'TokenGrant' });

export type AuthDeps = { pool: pg.Pool; throttle: LoginThrottle; identityThrottle: IdentityThrottle; secrets: SecretBox | undefined; events: PortalEvents };

export function authRoutes(router: Router, options: RouteOptions, deps: AuthDeps): void {
  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in a contact or technician; sets the session cookie, or answers a bearer token when asked',
    tags: ['auth'],
    access: 'public',
    body: LoginSchema,
    response: z.object({ user: UserViewSchema }).extend(TokenGrantSchema.partial().shape),
    errors: [401, 429],
    handler: async ({ body, req, res }) => {
      const tenantId = req.tenant!.id;
      const transport = body.transport ?? 'cookie';
      // The session this client had, in the form it asks for again, is replaced by the new one.
      const previousToken = transport === 'token' ? readBearerToken(req.headers.authorization) : readSessionToken(req.headers.cookie);
      const session = await login(deps, {
        tenantId,
        username: body.username,
        password: body.password,
        address: req.ip ?? 'unknown',
        previousToken,
        transport,
      });
      if (previousToken) deps.events.emit('sessionEnded', sessionKey(previousToken));
      const user = userView({ tenantId, actor: session.actor });
      if (transport === 'token') return { user, token: session.token, expiresAt: session.expiresAt.toISOString() };
      setSessionCookie(req, res, session.token, session.expiresAt);
      return { user };
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/auth/token',
    summary: 'Renew the bearer token of an embedded widget for another hour (at most 12 hours after sign-in)',
    tags: ['auth'],
    access: 'session',
    response: TokenGrantSchema,
    handler: async ({ req }) => {
      const token = req.sessionTransport === 'token' ? req.sessionToken : undefined;
      const expiresAt = token ? await refreshToken(deps.pool, req.tenant!.id, token) : undefined;
      if (!token || !expiresAt) throw new AppError('unauthenticated', 'no bearer token to refresh');
      return { token, expiresAt: expiresAt.toISOString() };
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/auth/verified-identity',
    summary: 'Sign in the contact a host page vouches for with the embed secret; answers a bearer token',
    tags: ['auth'],
    access: 'public',
    body: VerifiedIdentitySchema,
    response: z.object({ user: UserViewSchema }).extend(TokenGrantSchema.shape),
    errors: [401, 429],
    handler: async ({ body, req }) => {
      const tenantId = req.tenant!.id;
      const session = await signInWithVerifiedIdentity(
        { pool: deps.pool, secrets: deps.secrets, throttle: deps.identityThrottle },
        { ...body, tenantId, address: req.ip ?? 'unknown' },
      );
      return { user: userView({ tenantId, actor: session.actor }), token: session.token, expiresAt: session.expiresAt.toISOString() };
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: revokes the session (cookie or bearer token) on every node and closes its sockets',
    tags: ['auth'],
    access: 'public',
    handler: async ({ req, res }) => {
      if (req.sessionToken && req.tenant) {
        await endSession(deps.pool, req.tenant.id, req.sessionToken);
        deps.events.emit('sessionEnded', sessionKey(req.sessionToken));
      }
      if (req.sessionTransport !== 'token') clearSessionCookie(req, res);
    },
  });
}
