import type { AuditEntryRow } from '../../db/repositories/audit.js';
import type { AuditEntryView } from './audit-schemas.js';
import { fieldChanges, type FieldChanges } from './field-changes.js';
import { redactAuditDetails } from './redact-audit-details.js';

const MAX_SUMMARY = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : (JSON.stringify(value) ?? 'null');
}

/**
 * The details' edit field by field, whichever of the writers' shapes holds it: `changes`, `before`/`after`, or `from`/`to`
 * of the field the details or the action name (`ticket.status_changed` changes the status).
 */
function changesOf(action: string, details: Record<string, unknown>): FieldChanges | null {
  if (isRecord(details.changes)) return details.changes as FieldChanges;
  if (isRecord(details.before) && isRecord(details.after)) return fieldChanges(details.before, details.after);
  if ('from' in details && 'to' in details) {
    const field = typeof details.field === 'string' ? details.field : action.slice(action.lastIndexOf('.') + 1).replace(/_changed$/, '');
    return { [field]: { from: details.from, to: details.to } };
  }
  return null;
}

function summaryOf(details: Record<string, unknown>, changes: FieldChanges | null): string {
  const parts = changes
    ? Object.entries(changes).map(([field, change]) => `${field}: ${shown(change.from)} → ${shown(change.to)}`)
    : Object.entries(isRecord(details.after) ? details.after : details)
        .filter(([, value]) => value === null || typeof value !== 'object')
        .map(([key, value]) => `${key}: ${shown(value)}`);
  const summary = parts.join('; ');
  return summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary;
}

export function auditEntryView(row: AuditEntryRow): AuditEntryView {
  const details = redactAuditDetails(isRecord(row.details) ? row.details : {}) as Record<string, unknown>;
  const changes = changesOf(row.action, details);
  return {
    id: row.id,
    at: row.created_at.toISOString(),
    actor: { id: row.actor_id, name: row.actor_name, kind: row.actor_kind },
    action: row.action,
    entity: row.target_kind,
    entityId: row.target_id,
    summary: summaryOf(details, changes),
    changes,
    details,
  };
}
