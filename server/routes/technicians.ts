import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { listTechnicians, TechnicianSummarySchema } from '../../domain/technicians/list-technicians.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function technicianRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  const { pool } = deps;
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/technicians',
    summary: "The portal's technicians by name, whom tickets can be assigned to (technicians)",
    tags: ['admin'],
    access: 'session',
    response: z.object({ technicians: z.array(TechnicianSummarySchema) }),
    errors: [403],
    handler: async ({ ctx }) => ({ technicians: await listTechnicians(pool, ctx) }),
  });
}
