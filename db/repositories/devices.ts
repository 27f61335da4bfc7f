import type { Queryable } from '../transaction.js';

export type DeviceRow = {
  id: string;
  name: string;
  os: 'windows' | 'macos' | 'linux';
  os_version: string | null;
  model: string | null;
  last_seen_at: Date | null;
  online: boolean;
};

const COLUMNS = 'id, name, os, os_version, model, last_seen_at, online';

export async function listDevicesOfContact(q: Queryable, tenantId: string, contactId: string): Promise<DeviceRow[]> {
  const { rows } = await q.query<DeviceRow>(
    `SELECT ${COLUMNS} FROM devices WHERE tenant_id = $1 AND contact_id = $2 ORDER BY lower(name)`,
    [tenantId, contactId],
  );
  return rows;
}

/** A device's agent as the server knows it: which tenant and device an agent token stands for. */
export type AgentDeviceRow = { tenant_id: string; id: string; name: string; os: DeviceRow['os']; contact_id: string | null };

export async function findDeviceByAgentTokenHash(q: Queryable, tokenHash: string): Promise<AgentDeviceRow | undefined> {
  const { rows } = await q.query<AgentDeviceRow>('SELECT tenant_id, id, name, os, contact_id FROM devices WHERE agent_token_hash = $1', [tokenHash]);
  return rows[0];
}

export type EnrolledDevice = {
  companyId: string;
  contactId: string | null;
  name: string;
  os: DeviceRow['os'];
  osVersion: string | null;
  model: string | null;
  loggedInUser: string | null;
  agentVersion: string;
  agentTokenHash: string;
};

export async function insertEnrolledDevice(q: Queryable, tenantId: string, device: EnrolledDevice): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO devices (tenant_id, company_id, contact_id, name, os, os_version, model, logged_in_user, agent_version, agent_token_hash, enrolled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) RETURNING id`,
    [
      tenantId,
      device.companyId,
      device.contactId,
      device.name,
      device.os,
      device.osVersion,
      device.model,
      device.loggedInUser,
      device.agentVersion,
      device.agentTokenHash,
    ],
  );
  return rows[0]!.id;
}

/** Gives an existing device (one created by hand or by the demo seed) a new agent token. */
export async function setAgentTokenHash(q: Queryable, tenantId: string, deviceId: string, tokenHash: string): Promise<void> {
  await q.query('UPDATE devices SET agent_token_hash = $3, enrolled_at = coalesce(enrolled_at, now()) WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    deviceId,
    tokenHash,
  ]);
}

export async function markDeviceSeen(
  q: Queryable,
  tenantId: string,
  deviceId: string,
  state: { node: string; agentVersion?: string; osVersion?: string; loggedInUser?: string },
): Promise<void> {
  await q.query(
    `UPDATE devices SET online = true, agent_node = $3, last_seen_at = now(), agent_version = coalesce($4, agent_version),
       os_version = coalesce($5, os_version), logged_in_user = coalesce($6, logged_in_user)
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, deviceId, state.node, state.agentVersion ?? null, state.osVersion ?? null, state.loggedInUser ?? null],
  );
}

/** Its agent left `node`; a connection it made meanwhile to another node keeps it online. */
export async function markDeviceLeft(q: Queryable, tenantId: string, deviceId: string, node: string): Promise<void> {
  await q.query(
    'UPDATE devices SET online = false, agent_node = NULL, last_seen_at = now() WHERE tenant_id = $1 AND id = $2 AND agent_node = $3',
    [tenantId, deviceId, node],
  );
}

/** The devices whose agents are connected to `node`, marked so again after the node lost its lease for a while. */
export async function markDevicesHeld(q: Queryable, deviceIds: string[], node: string): Promise<void> {
  if (deviceIds.length === 0) return;
  await q.query('UPDATE devices SET online = true, agent_node = $2 WHERE id = ANY($1::uuid[])', [deviceIds, node]);
}

/** Devices held by a node whose lease ran out: it died, or lost the database, with their connections. */
export async function markDevicesOfGoneNodesOffline(q: Queryable, leasePrefix: string): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE devices d SET online = false, agent_node = NULL
     WHERE online AND NOT EXISTS (SELECT 1 FROM cluster_leases l WHERE l.name = $1 || d.agent_node AND l.expires_at > now())`,
    [leasePrefix],
  );
  return rowCount ?? 0;
}

/** After a restart no agent is connected to this node: devices it thought online are offline until they reconnect. */
export async function markAllDevicesOffline(q: Queryable): Promise<void> {
  await q.query('UPDATE devices SET online = false, agent_node = NULL WHERE online');
}

export async function listAssignedDevices(q: Queryable, tenantId: string): Promise<Pick<DeviceRow, 'id' | 'name' | 'os'>[]> {
  const { rows } = await q.query<Pick<DeviceRow, 'id' | 'name' | 'os'>>(
    'SELECT id, name, os FROM devices WHERE tenant_id = $1 AND contact_id IS NOT NULL ORDER BY name',
    [tenantId],
  );
  return rows;
}

export type TenantDeviceRow = DeviceRow & {
  company_id: string;
  contact_id: string | null;
  logged_in_user: string | null;
  agent_version: string | null;
  enrolled_at: Date | null;
};

export async function listDevicesOfTenant(q: Queryable, tenantId: string, companyId: string | null): Promise<TenantDeviceRow[]> {
  const { rows } = await q.query<TenantDeviceRow>(
    `SELECT ${COLUMNS}, company_id, contact_id, logged_in_user, agent_version, enrolled_at FROM devices
     WHERE tenant_id = $1 AND ($2::uuid IS NULL OR company_id = $2) ORDER BY lower(name), id`,
    [tenantId, companyId],
  );
  return rows;
}

export async function assignDevice(q: Queryable, tenantId: string, deviceId: string, contactId: string | null): Promise<void> {
  await q.query('UPDATE devices SET contact_id = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, deviceId, contactId]);
}

export async function deleteDevice(q: Queryable, tenantId: string, deviceId: string): Promise<boolean> {
  const { rowCount } = await q.query('DELETE FROM devices WHERE tenant_id = $1 AND id = $2', [tenantId, deviceId]);
  return (rowCount ?? 0) > 0;
}

/** Unassigns the contact's devices that belong to another company than this one; answers their ids. */
export async function unassignDevicesOutsideCompany(q: Queryable, tenantId: string, contactId: string, companyId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    'UPDATE devices SET contact_id = NULL WHERE tenant_id = $1 AND contact_id = $2 AND company_id <> $3 RETURNING id',
    [tenantId, contactId, companyId],
  );
  return rows.map((row) => row.id);
}
