import type { Queryable } from '../../db/transaction.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { visibilityOf } from '../settings/settings-schema.js';
import { NEW_TICKET_DEFAULTS, TICKET_PRIORITIES, TICKET_TYPES, type TicketForm } from './ticket-schemas.js';

type Field = TicketForm['fields'][number];

/**
 * The ticket form as this user may fill it: for a portal user, hidden fields left out, read-only ones shown with the
 * value the ticket will get, custom fields with their admin's labels (the same rules `createTicket` enforces); for a
 * technician, every field editable, as `updateTicket` lets them set any custom field whatever the portal shows.
 */
export async function describeTicketForm(q: Queryable, ctx: Ctx): Promise<TicketForm> {
  const { settings, customFields } = await requireSection(q, ctx, 'ticketing');
  const technician = ctx.actor.kind === 'technician';
  const editable = (key: string) => technician || visibilityOf(settings, key) === 'editable';
  const defaults: Field[] = [
    { key: 'subject', kind: 'default', type: 'text', options: [], required: editable('subject'), editable: editable('subject') },
    { key: 'description', kind: 'default', type: 'textarea', options: [], required: !editable('subject'), editable: editable('description') },
    { key: 'priority', kind: 'default', type: 'select', options: [...TICKET_PRIORITIES], required: false, editable: editable('priority'), value: NEW_TICKET_DEFAULTS.priority },
    { key: 'type', kind: 'default', type: 'select', options: [...TICKET_TYPES], required: false, editable: editable('type'), value: NEW_TICKET_DEFAULTS.type },
  ];
  const custom: Field[] = customFields.map((field) => ({
    key: field.key,
    kind: 'custom',
    label: field.label,
    type: field.kind,
    options: field.options,
    required: field.required,
    editable: editable(field.key),
    value: null,
  }));
  const visible = [...defaults, ...custom].filter((field) => technician || visibilityOf(settings, field.key) !== 'hidden');
  // Read-only subject and description have no value before the ticket exists: nothing to show.
  return {
    manualCreation: technician || !settings.tickets.disableManualCreation,
    fields: visible.filter((field) => field.editable || field.value !== undefined),
  };
}
