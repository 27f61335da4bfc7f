import * as z from 'zod';
import { findCustomHostname, type CustomHostnameRow } from '../../db/repositories/custom-hostnames.js';
import { listTenantHostnames } from '../../db/repositories/tenants.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';

export const PortalHostnameSchema = z
  .object({
    generated: z.string().nullable().meta({ description: 'The name Portico gives the portal, <tenant>.<PORTICO_BASE_DOMAIN>; it always answers.' }),
    custom: z.string().nullable().meta({ description: 'The custom hostname of the settings (portal.customHostname).' }),
    status: z
      .enum(['pending', 'active', 'failed'])
      .nullable()
      .meta({ description: 'pending: waiting for the CNAME record; active: answering; failed: the record is gone, or never came within 7 days (still checked).' }),
    record: z
      .object({ type: z.literal('CNAME'), name: z.string(), value: z.string() })
      .nullable()
      .meta({ description: 'The DNS record to create at the custom hostname’s DNS provider.' }),
    lastCheckedAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable().meta({ description: 'What the last check found instead of the record, in English.' }),
  })
  .meta({ id: 'PortalHostname' });
export type PortalHostname = z.infer<typeof PortalHostnameSchema>;

export async function portalHostnameView(q: Queryable, tenantId: string, row: CustomHostnameRow | undefined): Promise<PortalHostname> {
  const generated = (await listTenantHostnames(q, tenantId)).find((entry) => entry.kind === 'generated')?.hostname ?? null;
  return {
    generated,
    custom: row?.hostname ?? null,
    status: row?.status ?? null,
    record: row && generated ? { type: 'CNAME', name: row.hostname, value: generated } : null,
    lastCheckedAt: row?.last_checked_at?.toISOString() ?? null,
    lastError: row?.last_error ?? null,
  };
}

/** The portal's address: the generated hostname, the custom one with the record it needs and the last check's result. */
export async function getPortalHostname(q: Queryable, ctx: Ctx): Promise<PortalHostname> {
  requireTechnician(ctx);
  return portalHostnameView(q, ctx.tenantId, await findCustomHostname(q, ctx.tenantId));
}
