import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import {
  activateCustomHostname,
  deactivateCustomHostname,
  findCustomHostname,
  recordCustomHostnameCheck,
  type CustomHostnameRow,
} from '../../db/repositories/custom-hostnames.js';
import { listTenantHostnames } from '../../db/repositories/tenants.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { lookUpCname, stateAfterCheck, type CnameResolver } from './cname-check.js';
import { portalHostnameView, type PortalHostname } from './get-portal-hostname.js';

type Deps = { pool: pg.Pool; resolver: CnameResolver };

/**
 * Looks the custom hostname's CNAME up and records the outcome: it answers from the moment the record points to the
 * generated hostname, and stops after the record has been missing several checks in a row. The lookup happens outside
 * the transaction; a hostname changed meanwhile is left to its own checks.
 */
export async function recheckCustomHostname(deps: Deps, row: CustomHostnameRow, actor: { kind: 'technician'; id: string } | { kind: 'system' }): Promise<void> {
  const generated = (await listTenantHostnames(deps.pool, row.tenant_id)).find((entry) => entry.kind === 'generated')?.hostname;
  const verdict = generated ? await lookUpCname(deps.resolver, row.hostname, generated) : { kind: 'mismatch' as const, error: 'the portal has no generated hostname' };
  let state = stateAfterCheck(row, verdict, new Date());
  await withTransaction(deps.pool, async (client) => {
    if (state.status === 'active' && !(await activateCustomHostname(client, row.tenant_id, row.hostname))) {
      state = { status: 'failed', misses: row.misses, error: 'another portal answers on this hostname' };
    }
    if (!(await recordCustomHostnameCheck(client, row.tenant_id, row.hostname, state))) {
      await deactivateCustomHostname(client, row.tenant_id, row.hostname);
      return;
    }
    if (state.status !== 'active') await deactivateCustomHostname(client, row.tenant_id, row.hostname);
    if (state.status !== row.status) {
      await insertAuditEntry(client, row.tenant_id, {
        actorKind: actor.kind,
        actorId: actor.kind === 'technician' ? actor.id : undefined,
        action: 'portal.hostname_status_changed',
        targetKind: 'custom_hostname',
        details: { hostname: row.hostname, from: row.status, to: state.status, error: state.error },
      });
    }
  });
}

/** The admin's "check now": looks the record up at once and answers where the hostname stands. */
export async function checkCustomHostname(deps: Deps, ctx: Ctx): Promise<PortalHostname> {
  requireAdmin(ctx);
  const row = await findCustomHostname(deps.pool, ctx.tenantId);
  if (!row) throw new AppError('not_found', 'no custom hostname set');
  await recheckCustomHostname(deps, row, { kind: 'technician', id: ctx.actor.id });
  return portalHostnameView(deps.pool, ctx.tenantId, await findCustomHostname(deps.pool, ctx.tenantId));
}
