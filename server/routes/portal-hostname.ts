import type { Router } from 'express';
import type pg from 'pg';
import type { CnameResolver } from '../../domain/portal/cname-check.js';
import { checkCustomHostname } from '../../domain/portal/check-custom-hostname.js';
import { getPortalHostname, PortalHostnameSchema } from '../../domain/portal/get-portal-hostname.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function portalHostnameRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool; resolver: CnameResolver }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/portal/hostname',
    summary: "The portal's generated hostname and its custom one: the CNAME record to create and the last check's result (technicians)",
    tags: ['admin'],
    access: 'session',
    response: PortalHostnameSchema,
    errors: [403],
    handler: ({ ctx }) => getPortalHostname(deps.pool, ctx),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/portal/hostname/check',
    summary: "Look the custom hostname's CNAME record up now; it answers as soon as the record points to the generated hostname (admins)",
    tags: ['admin'],
    access: 'session',
    response: PortalHostnameSchema,
    errors: [403, 404],
    handler: ({ ctx }) => checkCustomHostname(deps, ctx),
  });
}
