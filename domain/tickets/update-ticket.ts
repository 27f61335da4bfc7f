import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { isTechnicianOfTenant, lockTicketFields, updateTicketFields } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import { requireSection, requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { checkTechnicianCustomFieldValues } from './custom-field-values.js';
import { getTicket } from './get-ticket.js';
import { loadVisibleTicket } from './ticket-access.js';
import type { TicketView, UpdateTicketInput } from './ticket-schemas.js';

/** What changed, for the caller to tell the ticket's readers: an assignment alone is not theirs to hear of. */
export type UpdatedTicket = { ticket: TicketView; changed: ('status' | 'priority' | 'assignee' | 'customFields')[] };

/**
 * A technician's change of a ticket's status, priority, assignee or custom fields; each field that really changes gets
 * its audit row, in the transaction that changes it.
 */
export async function updateTicket(pool: pg.Pool, ctx: Ctx, ref: string, input: UpdateTicketInput): Promise<UpdatedTicket> {
  requireTechnician(ctx);
  const { settings, customFields: definitions } = await requireSection(pool, ctx, 'ticketing');
  const ticket = await loadVisibleTicket(pool, ctx, settings, ref);
  if (input.customFields) checkTechnicianCustomFieldValues(input.customFields, definitions);
  if (input.assigneeId && !(await isTechnicianOfTenant(pool, ctx.tenantId, input.assigneeId))) {
    const detail = 'assigneeId: not a technician of this portal';
    throw new AppError('validation_failed', detail, { params: { detail } });
  }
  const changed = await withTransaction(pool, async (client) => {
    const before = await lockTicketFields(client, ctx.tenantId, ticket.id);
    if (!before) throw new AppError('not_found', 'ticket gone');
    const audits: { action: string; details: Record<string, unknown> }[] = [];
    const changed = new Set<UpdatedTicket['changed'][number]>();
    const status = input.status ?? before.status;
    if (status !== before.status) {
      audits.push({ action: 'ticket.status_changed', details: { from: before.status, to: status } });
      changed.add('status');
    }
    const priority = input.priority ?? before.priority;
    if (priority !== before.priority) {
      audits.push({ action: 'ticket.priority_changed', details: { from: before.priority, to: priority } });
      changed.add('priority');
    }
    const assigneeId = input.assigneeId === undefined ? before.assignee_id : input.assigneeId;
    if (assigneeId !== before.assignee_id) {
      audits.push({ action: 'ticket.assigned', details: { from: before.assignee_id, to: assigneeId } });
      changed.add('assignee');
    }
    // Merge-patch semantics, as the settings: a null removes the value.
    const customFields = { ...before.custom_fields };
    for (const [key, value] of Object.entries(input.customFields ?? {})) {
      const from = before.custom_fields[key] ?? null;
      if (value === null) delete customFields[key];
      else customFields[key] = value;
      if (JSON.stringify(from) !== JSON.stringify(value)) {
        audits.push({ action: 'ticket.custom_field_changed', details: { field: key, from, to: value } });
        changed.add('customFields');
      }
    }
    if (changed.size === 0) return [];
    await updateTicketFields(client, ctx.tenantId, ticket.id, { status, priority, assigneeId, customFields });
    for (const audit of audits) {
      await insertAuditEntry(client, ctx.tenantId, {
        actorKind: 'technician',
        actorId: ctx.actor.id,
        action: audit.action,
        targetKind: 'ticket',
        targetId: ticket.id,
        details: { number: ticket.number, ...audit.details },
      });
    }
    return [...changed];
  });
  return { ticket: await getTicket(pool, ctx, ticket.id), changed };
}
