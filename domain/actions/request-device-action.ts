import type pg from 'pg';
import { listDevicesOfContact } from '../../db/repositories/devices.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { pickDevice } from '../devices/pick-device.js';
import type { ActionView, DeviceActionKind } from './action-schemas.js';
import { proposeAction } from './propose-action.js';

export type RequestDeviceActionInput = { action: DeviceActionKind; device?: string; conversationId: string | null };

/** Proposes restart, lock, shut down, log out or password reset on one of the user's own devices. */
export async function requestDeviceAction(pool: pg.Pool, ctx: Ctx, input: RequestDeviceActionInput): Promise<ActionView> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const device = pickDevice(await listDevicesOfContact(pool, ctx.tenantId, ctx.actor.id), input.device);
  return proposeAction(pool, ctx, {
    deviceId: device.id,
    conversationId: input.conversationId,
    kind: input.action,
    appId: null,
    appName: null,
  });
}
