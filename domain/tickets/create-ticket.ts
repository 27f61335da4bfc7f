import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { takeTicketNumber } from '../../db/repositories/tenants.js';
import { findTicket, insertTicket } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { redactSecrets } from '../conversations/redact-secrets.js';
import { AppError } from '../errors.js';
import { withinCreationAllowance } from '../limits/creation-limits.js';
import { DEFAULT_TICKET_FIELDS, visibilityOf } from '../settings/settings-schema.js';
import { checkCustomFieldValues } from './custom-field-values.js';
import { NEW_TICKET_DEFAULTS, type CreateTicketInput, type TicketView } from './ticket-schemas.js';
import { ticketView } from './ticket-view.js';

function subjectFrom(description: string): string {
  const firstLine = description.split('\n', 1)[0]!.trim();
  return firstLine.length <= 80 ? firstLine : `${firstLine.slice(0, 79)}…`;
}

/**
 * A ticket opened by a portal user by hand (the assistant opens its own through the chat use cases), within the user's
 * allowance of new tickets.
 */
export async function createTicket(pool: pg.Pool, ctx: Ctx, input: CreateTicketInput): Promise<TicketView> {
  requireContact(ctx);
  const actor = ctx.actor;
  const { settings, customFields: definitions } = await requireSection(pool, ctx, 'ticketing');
  if (settings.tickets.disableManualCreation) {
    throw new AppError('manual_ticket_creation_disabled', 'manual ticket creation is off');
  }
  for (const field of DEFAULT_TICKET_FIELDS) {
    if (input[field as keyof CreateTicketInput] !== undefined && visibilityOf(settings, field) !== 'editable') {
      throw new AppError('field_not_writable', `field ${field} not editable`, { params: { field } });
    }
  }
  // Secrets typed into the form are masked as in the chat: technicians never need a user's password.
  const description = redactSecrets(input.description ?? '').text;
  const subject = input.subject !== undefined ? redactSecrets(input.subject).text : description ? subjectFrom(description) : '';
  if (!subject) {
    const missing = visibilityOf(settings, 'subject') === 'editable' ? 'subject' : 'description';
    throw new AppError('validation_failed', `${missing} required`, { params: { detail: `${missing}: required` } });
  }
  const customFields = checkCustomFieldValues(input.customFields ?? {}, definitions, settings);

  return withinCreationAllowance(pool, ctx, 'tickets', () =>
    withTransaction(pool, async (client) => {
      const number = await takeTicketNumber(client, ctx.tenantId);
      const id = await insertTicket(client, ctx.tenantId, {
        number,
        subject,
        description,
        priority: input.priority ?? NEW_TICKET_DEFAULTS.priority,
        type: input.type ?? NEW_TICKET_DEFAULTS.type,
        source: 'portal',
        requesterId: actor.id,
        companyId: actor.companyId,
        customFields,
      });
      await insertAuditEntry(client, ctx.tenantId, {
        actorKind: 'contact',
        actorId: actor.id,
        action: 'ticket.created',
        targetKind: 'ticket',
        targetId: id,
        details: { number, source: 'portal' },
      });
      const row = await findTicket(client, ctx.tenantId, { id });
      return ticketView(row!, actor, settings, definitions, []);
    }),
  );
}
