import type { CustomFieldRow } from '../../db/repositories/custom-fields.js';
import { AppError } from '../errors.js';
import { visibilityOf, type PortalSettings } from '../settings/settings-schema.js';

function invalid(key: string, expected: string): AppError {
  return new AppError('validation_failed', `custom field ${key}`, { params: { detail: `customFields.${key}: expected ${expected}` } });
}

function checkValue(field: CustomFieldRow, value: unknown): void {
  if (value === null) return;
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') throw invalid(field.key, 'text');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(field.key, 'a number');
      return;
    case 'checkbox':
      if (typeof value !== 'boolean') throw invalid(field.key, 'true or false');
      return;
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw invalid(field.key, 'a date as YYYY-MM-DD');
      }
      return;
    case 'select':
      if (typeof value !== 'string' || !field.options.includes(value)) throw invalid(field.key, `one of ${field.options.join(', ')}`);
      return;
  }
}

/** Custom field values a portal user sends: only defined, editable fields, each of its kind, required ones present. */
export function checkCustomFieldValues(
  values: Record<string, unknown>,
  definitions: CustomFieldRow[],
  settings: PortalSettings,
): Record<string, unknown> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) throw invalid(key, 'a known custom field');
    if (visibilityOf(settings, key) !== 'editable') {
      throw new AppError('field_not_writable', `field ${key} not editable`, { params: { field: key } });
    }
    checkValue(field, value);
  }
  for (const field of definitions) {
    const missing = values[field.key] === undefined || values[field.key] === null || values[field.key] === '';
    if (field.required && visibilityOf(settings, field.key) === 'editable' && missing) {
      throw new AppError('validation_failed', `custom field ${field.key} required`, {
        params: { detail: `customFields.${field.key}: required` },
      });
    }
  }
  return values;
}

/** Custom field values a technician sets: any defined field, each of its kind, whatever the portal may show or edit. */
export function checkTechnicianCustomFieldValues(values: Record<string, unknown>, definitions: CustomFieldRow[]): void {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) throw invalid(key, 'a known custom field');
    checkValue(field, value);
  }
}
