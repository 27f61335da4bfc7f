import type { Router } from 'express';
import * as z from 'zod';
import { LANGUAGES } from '../../i18n/languages.js';
import { catalogKeys, catalogSource } from '../../i18n/translate.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

// What the portal page itself shows; the assistant's answers and error messages come from the server already translated.
// The strings go as written (ICU MessageFormat): the portal fills in counts and names as it shows them.
const UI_PREFIXES = ['shell.', 'status.', 'chat.', 'assistant.action.', 'selfService.', 'settings.phone.'];

export function i18nRoutes(router: Router, options: RouteOptions): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/i18n/:lang',
    summary: "The portal UI's strings in one language",
    tags: ['portal'],
    access: 'public',
    params: z.strictObject({ lang: z.enum(LANGUAGES) }),
    response: z.object({ lang: z.enum(LANGUAGES), messages: z.record(z.string(), z.string()) }),
    handler: async ({ params, res }) => {
      res.setHeader('Cache-Control', 'public, max-age=300');
      const keys = catalogKeys('en').filter((key) => UI_PREFIXES.some((prefix) => key.startsWith(prefix)));
      return { lang: params.lang, messages: Object.fromEntries(keys.map((key) => [key, catalogSource(params.lang, key)!])) };
    },
  });
}
