import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { describeMe, SectionAccessSchema, UserViewSchema } from '../../domain/auth/describe-me.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function meRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/me',
    summary: 'The signed-in user, their language and the portal sections they may use',
    tags: ['auth'],
    access: 'session',
    response: z.object({ user: UserViewSchema, sections: SectionAccessSchema }).meta({ id: 'Me' }),
    handler: ({ ctx }) => describeMe(deps.pool, ctx),
  });
}
