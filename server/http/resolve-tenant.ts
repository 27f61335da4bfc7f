import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { findTenantByHostname, type TenantRow } from '../../db/repositories/tenants.js';
import { AppError } from '../../domain/errors.js';

// Hostnames change rarely; a short cache spares a query per request and still follows a new custom hostname quickly.
const CACHE_MS = 10_000;

export function hostnameOf(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d+$/, '').replace(/\.$/, '');
}

export function tenantResolver(pool: pg.Pool) {
  const cache = new Map<string, { tenant: TenantRow | undefined; at: number }>();
  return async (req: Request, _res: Response, next: NextFunction) => {
    const hostname = hostnameOf(req.headers.host);
    const cached = cache.get(hostname);
    let tenant = cached && Date.now() - cached.at < CACHE_MS ? cached.tenant : undefined;
    if (!tenant) {
      tenant = hostname ? await findTenantByHostname(pool, hostname) : undefined;
      if (cache.size > 10_000) cache.clear();
      cache.set(hostname, { tenant, at: Date.now() });
    }
    if (!tenant) throw new AppError('unknown_tenant', `no tenant for host ${hostname}`);
    req.tenant = tenant;
    next();
  };
}
