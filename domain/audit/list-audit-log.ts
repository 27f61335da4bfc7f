import { searchAuditEntries } from '../../db/repositories/audit.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { auditEntryView } from './audit-entry-view.js';
import type { AuditPage, AuditQuery } from './audit-schemas.js';

const DAY_MS = 24 * 60 * 60 * 1000;

// A bare date as `to` means the whole of that day.
function endOf(to: string): Date {
  return to.includes('T') ? new Date(to) : new Date(Date.parse(to) + DAY_MS);
}

/** Who changed what and when in the tenant, newest first, filtered; technicians read it, secrets never in it. */
export async function listAuditLog(q: Queryable, ctx: Ctx, query: AuditQuery): Promise<AuditPage> {
  requireTechnician(ctx);
  const { rows, total } = await searchAuditEntries(
    q,
    ctx.tenantId,
    {
      actorId: query.actorId,
      action: query.action,
      targetKind: query.entity,
      targetId: query.entityId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? endOf(query.to) : undefined,
      text: query.q,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { entries: rows.map(auditEntryView), total, limit: query.limit, offset: query.offset };
}
