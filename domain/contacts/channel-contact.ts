import type pg from 'pg';
import { findContactByEmail } from '../../db/repositories/inbound-emails.js';
import { findContactById, findFirstAdministrator } from '../../db/repositories/principals.js';
import { findTenantById } from '../../db/repositories/tenants.js';
import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { contactActor } from '../auth/actor-from-row.js';
import { canonicalUsername } from '../auth/canonical-username.js';
import type { ContactActor, Ctx } from '../context.js';
import { loadSettings } from '../settings/load-settings.js';

export type ChannelContactCtx = Ctx & { actor: ContactActor };

/**
 * The contact a chat channel's user is, by the email address the channel vouches for (Slack's profile email of a
 * signed-in workspace member, the sign-in name of a Teams user's Microsoft 365 account): the same person as in the
 * portal, with the same sections, devices and allowances. The channel's own authentication stands for the portal's
 * sign-in, so the caller passes only an address the channel has verified, never one its user typed. Nobody else: an
 * address that is no contact's gets no access, whatever its domain.
 */
export async function findChannelContact(pool: pg.Pool, tenantId: string, email: string): Promise<ChannelContactCtx | undefined> {
  const row = await findContactByEmail(pool, tenantId, canonicalUsername(email));
  return row ? { tenantId, actor: contactActor(row) } : undefined;
}

/** A contact met again on a channel by their id (their conversation's), as they are now. */
export async function channelContactById(pool: pg.Pool, tenantId: string, contactId: string): Promise<ChannelContactCtx | undefined> {
  const row = await findContactById(pool, tenantId, contactId);
  return row ? { tenantId, actor: contactActor(row) } : undefined;
}

/**
 * The polite answer to someone on a chat channel (Slack, Teams) who is not a contact: the portal cannot help them yet,
 * and whom to ask (the tenant's first administrator) to be added, in their language. `escape` makes the names inert in
 * the channel's markup.
 */
export async function channelRefusal(pool: pg.Pool, tenantId: string, language: Language, escape: (text: string) => string = (text) => text): Promise<string> {
  const [tenant, settings, admin] = await Promise.all([findTenantById(pool, tenantId), loadSettings(pool, tenantId), findFirstAdministrator(pool, tenantId)]);
  const portal = settings.branding.name ?? tenant?.name ?? 'Portico';
  return t(language, 'channels.unknown_user', { portal: escape(portal), name: escape(admin?.name ?? portal), email: escape(admin?.email ?? '') });
}
