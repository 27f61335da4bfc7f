export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields that differ between two versions of a record, nested objects by dotted path: what an audit row keeps of an edit. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (isPlainObject(from) && isPlainObject(to)) {
      Object.assign(changes, fieldChanges(from, to, `${prefix}${key}.`));
    } else if (JSON.stringify(from) !== JSON.stringify(to)) {
      changes[`${prefix}${key}`] = { from, to };
    }
  }
  return changes;
}
