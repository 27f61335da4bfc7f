import * as z from 'zod';
import { listDevicesOfTenant } from '../../db/repositories/devices.js';
import { findContactById } from '../../db/repositories/principals.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AdminDeviceViewSchema } from '../devices/device-schemas.js';
import { adminDeviceView } from '../devices/manage-devices.js';
import { AppError } from '../errors.js';
import { contactSummary, ContactSummarySchema } from './list-contacts.js';

export const ContactDetailSchema = z
  .object({ contact: ContactSummarySchema, devices: z.array(AdminDeviceViewSchema) })
  .meta({ id: 'ContactDetail', description: 'A contact with the devices assigned to them' });
export type ContactDetail = z.infer<typeof ContactDetailSchema>;

/** One contact for the console, with the devices assigned to them and whether each is online. */
export async function getContact(q: Queryable, ctx: Ctx, contactId: string): Promise<ContactDetail> {
  requireTechnician(ctx);
  const row = await findContactById(q, ctx.tenantId, contactId);
  if (!row) throw new AppError('not_found', 'no such contact');
  const devices = (await listDevicesOfTenant(q, ctx.tenantId, row.company_id)).filter((device) => device.contact_id === row.id);
  return { contact: contactSummary(row), devices: devices.map(adminDeviceView) };
}
