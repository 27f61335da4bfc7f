import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { describeMe, MaskedPhoneSchema, SectionAccessSchema, UserViewSchema } from '../../domain/auth/describe-me.js';
import { setMyLanguage } from '../../domain/auth/set-my-language.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

const MeSchema = z.object({ user: UserViewSchema, sections: SectionAccessSchema, phone: MaskedPhoneSchema }).meta({ id: 'Me' });

export function meRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/me',
    summary: 'The signed-in user, their language, the portal sections they may use and their masked phone',
    tags: ['auth'],
    access: 'session',
    response: MeSchema,
    handler: ({ ctx }) => describeMe(deps.pool, ctx),
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/me',
    summary: "Changes the user's language: the portal, emails, texts and the assistant's answers follow it",
    tags: ['auth'],
    access: 'session',
    body: z.strictObject({ language: z.enum(LANGUAGES) }).meta({ id: 'MePatch' }),
    response: MeSchema,
    handler: async ({ ctx, body }) => describeMe(deps.pool, await setMyLanguage(deps.pool, ctx, body.language)),
  });
}
