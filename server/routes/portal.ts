import type { Router } from 'express';
import type pg from 'pg';
import { BrandingViewSchema, getBranding } from '../../domain/settings/branding.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function portalRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/portal/branding',
    summary: "The portal's name, logo, colour and greeting, for the sign-in screen and the widget's launcher",
    tags: ['portal'],
    access: 'public',
    response: BrandingViewSchema,
    handler: ({ req }) => getBranding(deps.pool, req.tenant!),
  });
}
