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
 * CORS options for a request: its own origin echoed (never `*`) when the tenant its Host names trusts that origin;
 * none otherwise, so the browser keeps the page from reading the answer or sending anything but a simple request.
 */
function corsDelegate(tenantOf: (req: CorsRequest) => Promise<string | undefined>, pool: pg.Pool): CorsOptionsDelegate {
  return (req, callback) => {
    const origin = req.headers.origin;
    if (origin === undefined) return callback(null, { origin: false });
    tenantOf(req)
      .then(async (tenantId) => {
        const trusted = tenantId !== undefined && (await isOriginTrusted(pool, tenantId, origin, req.headers.host));
        callback(null, trusted ? optionsFor(origin) : { origin: false });
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error('CORS check failed')));
  };
}

/** For the REST API, once the tenant is resolved. Answers an allowed preflight itself (204). */
export function embedCors(pool: pg.Pool) {
  const handle = cors(corsDelegate((req) => Promise.resolve((req as Request).tenant?.id), pool));
  return (req: Request, res: Response, next: NextFunction) => {
    // The answer depends on the Origin whatever it is, so no cache may hand one origin's answer to another.
    res.vary('Origin');
    handle(req, res, next);
  };
}

/** For socket.io's HTTP long-polling, which reaches the server beside express: the tenant is looked up by Host. */
export function socketCors(pool: pg.Pool): CorsOptionsDelegate {
  return corsDelegate(async (req) => (await findTenantByHostname(pool, hostnameOf(req.headers.host)))?.id, pool);
}
