import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { assignDevice, deleteDevice, listDevicesOfTenant, type TenantDeviceRow } from '../../db/repositories/devices.js';
import { findContactCompany } from '../../db/repositories/principals.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin, requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { AdminDeviceView } from './device-schemas.js';
import { deviceView } from './list-my-devices.js';

export function adminDeviceView(row: TenantDeviceRow): AdminDeviceView {
  return {
    ...deviceView(row),
    companyId: row.company_id,
    contactId: row.contact_id,
    loggedInUser: row.logged_in_user,
    agentVersion: row.agent_version,
    enrolledAt: row.enrolled_at?.toISOString() ?? null,
  };
}

/** The tenant's devices for technicians, optionally of one company: whether each agent is online and who uses it. */
export async function listTenantDevices(pool: pg.Pool, ctx: Ctx, filter: { companyId?: string }): Promise<AdminDeviceView[]> {
  requireTechnician(ctx);
  return (await listDevicesOfTenant(pool, ctx.tenantId, filter.companyId ?? null)).map(adminDeviceView);
}

/** Assigns a device to a contact of its company, or to nobody; self-service acts only on a user's assigned devices. */
export async function assignDeviceToContact(pool: pg.Pool, ctx: Ctx, deviceId: string, contactId: string | null): Promise<AdminDeviceView> {
  requireAdmin(ctx);
  return withTransaction(pool, async (client) => {
    const [device] = (await listDevicesOfTenant(client, ctx.tenantId, null)).filter((d) => d.id === deviceId);
    if (!device) throw new AppError('not_found', 'no such device');
    if (contactId !== null && (await findContactCompany(client, ctx.tenantId, contactId)) !== device.company_id) {
      throw new AppError('not_found', 'no such contact in the device\'s company');
    }
    await assignDevice(client, ctx.tenantId, deviceId, contactId);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'device.assigned',
      targetKind: 'device',
      targetId: deviceId,
      details: { contactId },
    });
    return adminDeviceView({ ...device, contact_id: contactId });
  });
}

/** Removes a device: its agent's token stops working at once, and its requests go with it. */
export async function removeDevice(pool: pg.Pool, ctx: Ctx, deviceId: string): Promise<void> {
  requireAdmin(ctx);
  await withTransaction(pool, async (client) => {
    if (!(await deleteDevice(client, ctx.tenantId, deviceId))) throw new AppError('not_found', 'no such device');
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'device.removed',
      targetKind: 'device',
      targetId: deviceId,
    });
  });
}
