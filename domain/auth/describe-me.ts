import * as z from 'zod';
import { findContactPhone } from '../../db/repositories/principals.js';
import type { Queryable } from '../../db/transaction.js';
import { maskPhone } from '../contacts/mask-phone.js';
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

export const MaskedPhoneSchema = z
  .string()
  .nullable()
  .meta({ description: 'The mobile number that receives verification codes, masked (`+39 ••••••••67`); null when none is saved' });

export type MeView = { user: UserView; sections: SectionAccess; phone: string | null };

export async function describeMe(q: Queryable, ctx: Ctx): Promise<MeView> {
  const [settings, phone] = await Promise.all([
    loadSettings(q, ctx.tenantId),
    ctx.actor.kind === 'contact' ? findContactPhone(q, ctx.tenantId, ctx.actor.id) : null,
  ]);
  return { user: userView(ctx), sections: sectionsForActor(settings, ctx.actor), phone: phone === null ? null : maskPhone(phone) };
}
