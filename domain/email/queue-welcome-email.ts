import { insertOutboundEmail } from '../../db/repositories/outbound-emails.js';
import { findTenantById, listTenantHostnames } from '../../db/repositories/tenants.js';
import type { Queryable } from '../../db/transaction.js';
import { t } from '../../i18n/translate.js';
import { isLanguage } from '../../i18n/languages.js';
import { loadSettings } from '../settings/load-settings.js';
import type { EmailDispatch } from './email-transport.js';

export type WelcomeRecipient = { id: string; name: string; email: string; language: string };

/**
 * Users reach the portal on the custom hostname once it is active, else on the generated one; the email comes from the
 * generated one, which Portico always answers on.
 */
export async function portalHostnames(q: Queryable, tenantId: string): Promise<{ portal: string; sender: string }> {
  const hostnames = await listTenantHostnames(q, tenantId);
  const pick = (kind: string) => hostnames.find((entry) => entry.kind === kind)?.hostname;
  const generated = pick('generated') ?? pick('local') ?? 'localhost';
  return { portal: pick('custom') ?? generated, sender: generated };
}

/**
 * Writes the welcome email (portal URL, username, password) in the contact's language into the queue, in the caller's
 * transaction so it exists exactly when the password it carries does. It is held in the outbox when no SMTP server is
 * configured; otherwise the delivery rounds send it.
 */
export async function queueWelcomeEmail(
  q: Queryable,
  dispatch: EmailDispatch,
  tenantId: string,
  contact: WelcomeRecipient,
  credentials: { username: string; password: string },
): Promise<{ id: string; status: 'held' | 'pending' }> {
  const tenant = await findTenantById(q, tenantId);
  const settings = await loadSettings(q, tenantId);
  const portal = settings.branding.name ?? tenant?.name ?? 'Portico';
  const hostnames = await portalHostnames(q, tenantId);
  const lang = isLanguage(contact.language) ? contact.language : 'en';
  const params = { name: contact.name, portal, url: `https://${hostnames.portal}/`, username: credentials.username, password: credentials.password };
  const status = dispatch.transport === 'smtp' ? 'pending' : 'held';
  // Without a notification key the row is always written.
  const id = (await insertOutboundEmail(q, tenantId, {
    contactId: contact.id,
    kind: 'welcome',
    fromName: portal,
    fromAddress: `no-reply@${hostnames.sender}`,
    to: contact.email,
    subject: t(lang, 'email.welcome.subject', params),
    text: t(lang, 'email.welcome.text', params),
    status,
  }))!;
  return { id, status };
}
