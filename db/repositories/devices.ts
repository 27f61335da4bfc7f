import type { Queryable } from '../transaction.js';

export type DeviceRow = {
  id: string;
  name: string;
  os: 'windows' | 'macos' | 'linux';
  os_version: string | null;
  model: string | null;
  last_seen_at: Date | null;
};

const COLUMNS = 'id, name, os, os_version, model, last_seen_at';

export async function listDevicesOfContact(q: Queryable, tenantId: string, contactId: string): Promise<DeviceRow[]> {
  const { rows } = await q.query<DeviceRow>(
    `SELECT ${COLUMNS} FROM devices WHERE tenant_id = $1 AND contact_id = $2 ORDER BY lower(name)`,
    [tenantId, contactId],
  );
  return rows;
}
