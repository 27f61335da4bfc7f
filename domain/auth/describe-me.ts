import * as z from 'zod';
import type { Queryable } from '../../db/transaction.js';
import type { Ctx } from '../context.js';
import { loadSettings } from '../settings/load-settings.js';
import { sectionsForActor, type SectionAccess } from '../settings/sections-for-actor.js';

export const UserViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['contact', 'technician']),
    name: z.string(),
    language: z.enum(['en', 'fr', 'de', 'es', 'it']),
    roles: z.array(z.enum(['end_user', 'primary_contact', 'technician', 'admin'])),
    companyId: z.string().optional(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserViewSchema>;

export const SectionAccessSchema = z
  .object({ assistant: z.boolean(), ticketing: z.boolean(), knowledgeBase: z.boolean(), selfService: z.boolean() })
  .meta({ id: 'SectionAccess' });

export function userView(ctx: Ctx): UserView {
  const a = ctx.actor;
  if (a.kind === 'technician') {
    return { id: a.id, kind: a.kind, name: a.name, language: a.language, roles: a.admin ? ['technician', 'admin'] : ['technician'] };
  }
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    language: a.language,
    roles: a.primary ? ['end_user', 'primary_contact'] : ['end_user'],
    companyId: a.companyId,
  };
}

export async function describeMe(q: Queryable, ctx: Ctx): Promise<{ user: UserView; sections: SectionAccess }> {
  const settings = await loadSettings(q, ctx.tenantId);
  return { user: userView(ctx), sections: sectionsForActor(settings, ctx.actor) };
}
