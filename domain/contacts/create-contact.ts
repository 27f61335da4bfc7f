import type pg from 'pg';
import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findCompany } from '../../db/repositories/companies.js';
import { isUniqueViolation } from '../../db/repositories/conversations.js';
import { findContactById, insertContact, usernameTaken } from '../../db/repositories/principals.js';
import { withTransaction } from '../../db/transaction.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { requireTechnician } from '../access/require.js';
import { canonicalUsername } from '../auth/canonical-username.js';
import { normalizeEmailDomain } from '../companies/email-domain.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import type { Ctx } from '../context.js';
import type { EmailDispatch } from '../email/email-transport.js';
import { queueWelcomeEmail } from '../email/queue-welcome-email.js';
import { AppError } from '../errors.js';
import { loadSettings } from '../settings/load-settings.js';
import { contactSummary, ContactSummarySchema } from './list-contacts.js';
import { parseMobilePhone } from './parse-phone.js';

export const CreateContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ pattern: z.regexes.unicodeEmail }))
    .refine((email) => normalizeEmailDomain(email.slice(email.lastIndexOf('@') + 1)) !== undefined, {
      message: 'expected an email address on a domain such as example.com',
    }),
  companyId: z.uuid(),
  language: z.enum(LANGUAGES).optional().meta({ description: "The contact's language for the portal and emails; the creating technician's by default." }),
  primary: z.boolean().default(false),
  phone: z.string().max(100).optional().meta({ description: 'The mobile number that receives verification codes, with its country code.' }),
});
export type CreateContactInput = z.infer<typeof CreateContactSchema>;

export const CreatedContactSchema = z
  .object({
    contact: ContactSummarySchema,
    username: z.string(),
    password: z.string().meta({ description: 'Generated; shown this once and never stored in clear.' }),
  })
  .meta({ id: 'CreatedContact' });
export type CreatedContact = z.infer<typeof CreatedContactSchema>;

function contactExists(username: string, cause?: unknown): AppError {
  return new AppError('contact_exists', 'a contact or technician has this username', { params: { username }, cause });
}

/**
 * Creates a contact with a username (the email in its canonical form, as every username is) and a generated password,
 * answered once and stored only as a hash; queues the welcome email when the setting asks for it. Refused when a
 * contact or technician already signs in with that name; the unique index settles two creations at once.
 */
export async function createContact(deps: { pool: pg.Pool; email: EmailDispatch }, ctx: Ctx, input: CreateContactInput): Promise<CreatedContact> {
  requireTechnician(ctx);
  const username = canonicalUsername(input.email);
  const language = input.language ?? ctx.actor.language;
  const phone = input.phone ? parseMobilePhone(input.phone) : null;
  if (await usernameTaken(deps.pool, ctx.tenantId, username)) throw contactExists(username);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);

  const result = await withTransaction(deps.pool, async (client) => {
    if (!(await findCompany(client, ctx.tenantId, input.companyId))) throw new AppError('not_found', 'no such company');
    if (await usernameTaken(client, ctx.tenantId, username)) throw contactExists(username);
    const id = await insertContact(client, ctx.tenantId, {
      companyId: input.companyId,
      name: input.name,
      email: username,
      username,
      passwordHash,
      language,
      primary: input.primary,
      phone,
    });
    const automatic = (await loadSettings(client, ctx.tenantId)).welcomeEmail.automatic;
    const email = automatic
      ? await queueWelcomeEmail(client, deps.email, ctx.tenantId, { id, name: input.name, email: username, language }, { username, password })
      : undefined;
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'contact.created',
      targetKind: 'contact',
      targetId: id,
      details: { username, companyId: input.companyId, language, primary: input.primary, phone: phone !== null, welcomeEmail: email?.status ?? 'not_sent' },
    });
    return { row: (await findContactById(client, ctx.tenantId, id))!, queued: email?.status === 'pending' };
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? contactExists(username, error) : error;
  });
  if (result.queued) deps.email.wake();
  return { contact: contactSummary(result.row), username, password };
}
