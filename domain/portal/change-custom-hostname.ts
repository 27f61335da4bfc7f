import { hostnameHeldElsewhere, insertPendingCustomHostname, removeCustomHostname } from '../../db/repositories/custom-hostnames.js';
import { isUniqueViolation } from '../../db/repositories/conversations.js';
import { listTenantHostnames } from '../../db/repositories/tenants.js';
import type { Queryable } from '../../db/transaction.js';
import { AppError } from '../errors.js';

/**
 * Applies a new `portal.customHostname` inside the settings' transaction: the previous name stops answering at once,
 * and the new one waits for its CNAME record. Refused: a name another portal answers on or has claimed (409), and the
 * tenant's own names or names under the generated hostnames' domain, which Portico hands out itself.
 */
export async function changeCustomHostname(q: Queryable, tenantId: string, hostname: string | null): Promise<void> {
  await removeCustomHostname(q, tenantId);
  if (hostname === null) return;
  const own = await listTenantHostnames(q, tenantId);
  const generated = own.find((entry) => entry.kind === 'generated')?.hostname;
  const baseDomain = generated?.slice(generated.indexOf('.') + 1);
  if (own.some((entry) => entry.hostname === hostname) || (baseDomain && (hostname === baseDomain || hostname.endsWith(`.${baseDomain}`)))) {
    const detail = `portal.customHostname: ${hostname} is a name Portico gives out itself; choose a name in your own domain`;
    throw new AppError('validation_failed', detail, { params: { detail } });
  }
  const taken = (cause?: unknown) => new AppError('hostname_taken', 'hostname held by another tenant', { params: { hostname }, cause });
  if (await hostnameHeldElsewhere(q, tenantId, hostname)) throw taken();
  await insertPendingCustomHostname(q, tenantId, hostname).catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken(error) : error;
  });
}
