import type { CustomFieldRow } from '../../db/repositories/custom-fields.js';
import type { CommentRow, TicketRow } from '../../db/repositories/tickets.js';
import type { Actor } from '../context.js';
import { DEFAULT_TICKET_FIELDS, visibilityOf, type PortalSettings } from '../settings/settings-schema.js';
import type { CommentView, TicketView } from './ticket-schemas.js';

export function isClosedStatus(status: string): boolean {
  return status === 'resolved' || status === 'closed';
}

export function commentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    author: { name: row.author_name, role: row.author_kind },
    body: row.body,
    public: row.is_public,
    createdAt: row.created_at.toISOString(),
  };
}

/** What a reader sees of a ticket: technicians everything, portal users only the fields the settings do not hide. */
export function ticketView(
  row: TicketRow,
  actor: Actor,
  settings: PortalSettings,
  customFields: CustomFieldRow[],
  comments?: CommentRow[],
): TicketView {
  const shows = (field: string) => actor.kind === 'technician' || visibilityOf(settings, field) !== 'hidden';
  const view: TicketView = {
    id: row.id,
    number: row.number,
    source: row.source,
    requester: row.requester_id ? { id: row.requester_id, name: row.requester_name ?? '' } : null,
    company: row.company_id ? { id: row.company_id, name: row.company_name ?? '' } : null,
    customFields: {},
    canReopen: isClosedStatus(row.status) && (actor.kind === 'technician' || !settings.tickets.cannotReopen),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (actor.kind === 'technician') {
    view.assignee = row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null;
    view.escalated = row.needs_technician;
  }
  const defaults = view as Record<string, unknown>;
  for (const field of DEFAULT_TICKET_FIELDS) {
    if (shows(field)) defaults[field] = row[field];
  }
  for (const field of customFields) {
    if (shows(field.key) && field.key in row.custom_fields) {
      view.customFields[field.key] = row.custom_fields[field.key] as TicketView['customFields'][string];
    }
  }
  if (comments) view.comments = comments.map(commentView);
  return view;
}
