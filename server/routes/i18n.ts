import type { Router } from 'express';
import * as z from 'zod';
import { LANGUAGES } from '../../i18n/languages.js';
import { catalogKeys, catalogSource } from '../../i18n/translate.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

// What each UI itself shows; the assistant's answers and error messages come from the server already translated.
// The strings go as written (ICU MessageFormat): the UI fills in counts and names as it shows them.
const UI_PREFIXES = {
  portal: ['shell.', 'status.', 'chat.', 'assistant.action.', 'selfService.', 'settings.phone.'],
  console: ['shell.', 'status.', 'console.'],
} as const;

export function i18nRoutes(router: Router, options: RouteOptions): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/i18n/:lang',
    summary: "A UI's strings in one language: the portal's, or the technician console's with `ui=console`",
    tags: ['portal'],
    access: 'public',
    params: z.strictObject({ lang: z.enum(LANGUAGES) }),
    query: z.strictObject({ ui: z.enum(['portal', 'console']).default('portal') }),
    response: z.object({ lang: z.enum(LANGUAGES), messages: z.record(z.string(), z.string()) }),
    handler: async ({ params, query, res }) => {
      res.setHeader('Cache-Control', 'public, max-age=300');
      const prefixes = UI_PREFIXES[query.ui];
      const keys = catalogKeys('en').filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
      return { lang: params.lang, messages: Object.fromEntries(keys.map((key) => [key, catalogSource(params.lang, key)!])) };
    },
  });
}
