import type { Request, Response } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { isCertificateAllowed } from '../../domain/portal/is-certificate-allowed.js';

const TlsAskQuerySchema = z.object({ domain: z.string().max(253) });

/**
 * `GET /internal/tls/allowed?domain=…`, the question a reverse proxy with on-demand TLS (Caddy's `ask`) puts before it
 * requests a certificate: 200 for a name the portal answers on, 404 for any other and for a malformed question alike.
 * Answered before the tenant is resolved, since the proxy asks on its own host.
 */
export function tlsAsk(pool: pg.Pool) {
  return async (req: Request, res: Response) => {
    const query = TlsAskQuerySchema.safeParse(req.query);
    const allowed = query.success && (await isCertificateAllowed(pool, query.data.domain));
    res.status(allowed ? 200 : 404).json({ allowed });
  };
}
