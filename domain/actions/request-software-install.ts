import type pg from 'pg';
import { listCatalogApps } from '../../db/repositories/catalog.js';
import { listDevicesOfContact } from '../../db/repositories/devices.js';
import { requireContact, requireSection } from '../access/require.js';
import { packageIdFor } from '../catalog/list-catalog.js';
import { matchCatalogApp } from '../catalog/match-catalog-app.js';
import type { Ctx } from '../context.js';
import { pickDevice } from '../devices/pick-device.js';
import { AppError } from '../errors.js';
import type { ActionView } from './action-schemas.js';
import { proposeAction } from './propose-action.js';

export type RequestSoftwareInstallInput = { app: string; device?: string; conversationId: string | null };

/**
 * Proposes installing a catalog app on one of the user's devices. Only enabled catalog apps for the device's platform
 * qualify; anything else is refused with the nearest catalog apps, so the answer can offer them.
 */
export async function requestSoftwareInstall(pool: pg.Pool, ctx: Ctx, input: RequestSoftwareInstallInput): Promise<ActionView> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const apps = await listCatalogApps(pool, ctx.tenantId, { enabledOnly: true });
  const wanted = input.app.trim();
  const app =
    apps.find((a) => a.id === wanted.toLowerCase()) ??
    (() => {
      const found = matchCatalogApp(wanted, apps);
      if (found.match) return apps.find((a) => a.id === found.match!.id);
      throw new AppError('app_not_in_catalog', `not in catalog: ${wanted}`, {
        params: { app: wanted.slice(0, 60) },
        details: { requested: wanted, alternatives: found.alternatives.slice(0, 3).map((a) => ({ id: a.id, name: a.name })) },
      });
    })()!;

  const devices = await listDevicesOfContact(pool, ctx.tenantId, ctx.actor.id);
  const supported = devices.filter((d) => packageIdFor(app, d.os) !== null);
  // With several devices and one of them able to take the app, that one is meant; a named device must support it.
  const device = input.device ? pickDevice(devices, input.device) : pickDevice(supported.length > 0 ? supported : devices, undefined);
  if (packageIdFor(app, device.os) === null) {
    throw new AppError('platform_not_supported', `${app.id} has no package for ${device.os}`, {
      params: { app: app.name, device: device.name },
    });
  }
  return proposeAction(pool, ctx, {
    deviceId: device.id,
    conversationId: input.conversationId,
    kind: 'install',
    appId: app.id,
    appName: app.name,
  });
}
