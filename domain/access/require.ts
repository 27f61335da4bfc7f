import type { Queryable } from '../../db/transaction.js';
import type { ContactActor, Ctx, TechnicianActor } from '../context.js';
import { AppError } from '../errors.js';
import { loadPortalConfig, type PortalConfig } from '../settings/load-settings.js';
import type { SectionName } from '../settings/settings-schema.js';
import { sectionsForActor } from '../settings/sections-for-actor.js';

export function requireTechnician(ctx: Ctx): asserts ctx is Ctx & { actor: TechnicianActor } {
  if (ctx.actor.kind !== 'technician') throw new AppError('forbidden', 'technicians only');
}

export function requireAdmin(ctx: Ctx): asserts ctx is Ctx & { actor: TechnicianActor } {
  if (ctx.actor.kind !== 'technician' || !ctx.actor.admin) throw new AppError('forbidden', 'admins only');
}

export function requireContact(ctx: Ctx): asserts ctx is Ctx & { actor: ContactActor } {
  if (ctx.actor.kind !== 'contact') throw new AppError('forbidden', 'portal users only');
}

/** Loads the current portal config and refuses when the section is off for this actor; returns the config for the caller's use. */
export async function requireSection(q: Queryable, ctx: Ctx, section: SectionName): Promise<PortalConfig> {
  const config = await loadPortalConfig(q, ctx.tenantId);
  if (!sectionsForActor(config.settings, ctx.actor)[section]) {
    throw new AppError('section_disabled', `section ${section} is off for this user`, { params: { section } });
  }
  return config;
}
