import cors, { type CorsOptions, type CorsOptionsDelegate, type CorsRequest } from 'cors';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { findTenantByHostname } from '../../db/repositories/tenants.js';
import { isOriginTrusted } from './origin-policy.js';
import { hostnameOf } from './resolve-tenant.js';

/**
 * What a trusted page on another origin may send: the API's methods and its two request headers. No credentials: the
 * embedded widget authenticates with a bearer token, and a cookie must never ride a cross-origin request.
 */
function optionsFor(origin: string): CorsOptions {
  return {
    origin,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'authorization'],
    exposedHeaders: ['retry-after'],
    credentials: false,
    maxAge: 600,
  };
}

/**
 * What a page on any other origin may do with the REST API: read the answers that need no credentials (`*` never lets a
 * cookie ride along), which are the branding, the UI's strings and the API's refusals. The widget embedded where the
 * tenant does not allow it thus shows the launcher in the tenant's colours and, on sign-in, the server's 403 in words;
 * the Origin rule (origin-guard.ts) still refuses every write and every bearer token from such a page.
 */
const ANY_ORIGIN = optionsFor('*');

/**
 * CORS options for a request: its own origin echoed (never `*`) when the tenant its Host names trusts that origin;
 * `untrusted` otherwise.
 */
function corsDelegate(tenantOf: (req: CorsRequest) => Promise<string | undefined>, pool: pg.Pool, untrusted: CorsOptions): CorsOptionsDelegate {
  return (req, callback) => {
    const origin = req.headers.origin;
    if (origin === undefined) return callback(null, { origin: false });
    tenantOf(req)
      .then(async (tenantId) => {
        const trusted = tenantId !== undefined && (await isOriginTrusted(pool, tenantId, origin, req.headers.host));
        callback(null, trusted ? optionsFor(origin) : untrusted);
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error('CORS check failed')));
  };
}

/** For the REST API, once the tenant is resolved. Answers an allowed preflight itself (204). */
export function embedCors(pool: pg.Pool) {
  const handle = cors(corsDelegate((req) => Promise.resolve((req as Request).tenant?.id), pool, ANY_ORIGIN));
  return (req: Request, res: Response, next: NextFunction) => {
    // The answer depends on the Origin whatever it is, so no cache may hand one origin's answer to another.
    res.vary('Origin');
    handle(req, res, next);
  };
}

/**
 * For socket.io's HTTP long-polling, which reaches the server beside express: the tenant is looked up by Host. A page
 * the tenant does not trust gets no CORS answer, so the browser keeps it from reading anything.
 */
export function socketCors(pool: pg.Pool): CorsOptionsDelegate {
  return corsDelegate(async (req) => (await findTenantByHostname(pool, hostnameOf(req.headers.host)))?.id, pool, { origin: false });
}
