import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type pg from 'pg';
import { loadSettings } from '../../domain/settings/load-settings.js';

/** The page's content policy: scripts only from the portal itself, framed only by the portal and the allowed origins. */
function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Inline style attributes only; no inline script anywhere.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self'${frameAncestors.map((origin) => ` ${origin}`).join('')}`,
  ].join('; ');
}

/**
 * Headers for every answer, before the tenant is known: helmet's defaults (nosniff, frame and referrer policies…),
 * the content policy with the portal alone as framer, HSTS only over HTTPS, and API answers never cached.
 */
export function securityHeaders() {
  const base = helmet({ contentSecurityPolicy: false, strictTransportSecurity: false, referrerPolicy: { policy: 'strict-origin-when-cross-origin' } });
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy([]));
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    base(req, res, next);
  };
}

/** Once the tenant is known, the pages it allows to embed the portal may frame it too. */
export function embedFraming(pool: pg.Pool) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.tenant && !req.path.startsWith('/api/')) {
      const { allowedOrigins } = (await loadSettings(pool, req.tenant.id)).embed;
      if (allowedOrigins.length > 0) {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy(allowedOrigins));
        // The legacy header cannot name several framers; frame-ancestors supersedes it where both are understood.
        res.removeHeader('X-Frame-Options');
      }
    }
    next();
  };
}
