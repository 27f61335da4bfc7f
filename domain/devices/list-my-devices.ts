import type { Queryable } from '../../db/transaction.js';
import { listDevicesOfContact, type DeviceRow } from '../../db/repositories/devices.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { DeviceView } from './device-schemas.js';

export function deviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    name: row.name,
    os: row.os,
    osVersion: row.os_version,
    model: row.model,
    online: row.online,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
  };
}

/** The devices assigned to the signed-in user: the only ones self-service may act on. */
export async function listMyDevices(q: Queryable, ctx: Ctx): Promise<DeviceView[]> {
  requireContact(ctx);
  await requireSection(q, ctx, 'selfService');
  return (await listDevicesOfContact(q, ctx.tenantId, ctx.actor.id)).map(deviceView);
}
