import type pg from 'pg';
import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findCompany } from '../../db/repositories/companies.js';
import { unassignDevicesOutsideCompany } from '../../db/repositories/devices.js';
import { lockContact, updateContactProfile } from '../../db/repositories/principals.js';
import { expirePhoneChangeCodes } from '../../db/repositories/verification-codes.js';
import { withTransaction } from '../../db/transaction.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { requireTechnician } from '../access/require.js';
import { fieldChanges } from '../audit/field-changes.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { getContact, type ContactDetail } from './get-contact.js';
import { contactSummary } from './list-contacts.js';
import { maskPhone } from './mask-phone.js';
import { parseMobilePhone } from './parse-phone.js';

export const UpdateContactSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    language: z.enum(LANGUAGES),
    primary: z.boolean().meta({ description: "A primary contact sees their company's tickets" }),
    phone: z
      .string()
      .max(40)
      .nullable()
      .meta({ description: "The mobile that receives verification codes, with its country code; stored in E.164. Replacing or removing a saved one is an admin's" }),
    companyId: z.uuid().meta({ description: 'Moving a contact unassigns their devices of the former company' }),
  })
  .partial()
  .meta({ id: 'ContactUpdate' });
export type UpdateContactInput = z.infer<typeof UpdateContactSchema>;

/**
 * A technician edits a contact's name, language, primary flag, company or phone; each change is audited, the phone by
 * its last digits only. The phone is the second factor of the user's actions: a technician may give a contact their
 * first one, but replacing or removing a saved phone is a 2FA reset that only an admin may do.
 */
export async function updateContact(pool: pg.Pool, ctx: Ctx, contactId: string, input: UpdateContactInput): Promise<ContactDetail> {
  requireTechnician(ctx);
  const phone = input.phone === undefined || input.phone === null ? input.phone : parseMobilePhone(input.phone);
  await withTransaction(pool, async (client) => {
    const row = await lockContact(client, ctx.tenantId, contactId);
    if (!row) throw new AppError('not_found', 'no such contact');
    const before = contactSummary(row);
    const after = {
      name: input.name ?? before.name,
      language: input.language ?? before.language,
      primary: input.primary ?? before.primary,
      phone: phone === undefined ? before.phone : phone,
      companyId: input.companyId ?? before.companyId,
    };
    if (after.phone !== before.phone && before.phone !== null && !ctx.actor.admin) {
      throw new AppError('forbidden', "replacing or removing a saved phone is an admin's 2FA reset");
    }
    if (after.companyId !== before.companyId && !(await findCompany(client, ctx.tenantId, after.companyId))) {
      throw new AppError('not_found', 'no such company');
    }
    const changes = fieldChanges(
      { name: before.name, language: before.language, primary: before.primary, companyId: before.companyId, phone: before.phone },
      after,
    );
    if (Object.keys(changes).length === 0) return;
    await updateContactProfile(client, ctx.tenantId, contactId, after);
    if (changes.phone) {
      await expirePhoneChangeCodes(client, ctx.tenantId, contactId);
      changes.phone = { from: before.phone && maskPhone(before.phone), to: after.phone && maskPhone(after.phone) };
    }
    const unassignedDevices = changes.companyId ? await unassignDevicesOutsideCompany(client, ctx.tenantId, contactId, after.companyId) : [];
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'contact.updated',
      targetKind: 'contact',
      targetId: contactId,
      details: { name: after.name, changes, ...(unassignedDevices.length > 0 ? { unassignedDevices } : {}) },
    });
  });
  return getContact(pool, ctx, contactId);
}
