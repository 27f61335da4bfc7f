import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { loadSettings } from './load-settings.js';
import type { PortalSettings } from './settings-schema.js';

export async function getSettings(q: Queryable, ctx: Ctx): Promise<PortalSettings> {
  requireTechnician(ctx);
  return loadSettings(q, ctx.tenantId);
}
