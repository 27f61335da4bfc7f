import type { Queryable } from '../transaction.js';

export type ActionRequestRow = {
  id: string;
  contact_id: string;
  device_id: string;
  device_name: string;
  device_os: 'windows' | 'macos' | 'linux';
  contact_language: 'en' | 'fr' | 'de' | 'es' | 'it';
  conversation_id: string | null;
  kind: 'restart' | 'lock' | 'shutdown' | 'logout' | 'reset_password' | 'install';
  app_id: string | null;
  app_name: string | null;
  status:
    | 'awaiting_confirmation'
    | 'awaiting_code'
    | 'queued'
    | 'dispatched'
    | 'running'
    | 'succeeded'
    | 'failed'
    | 'expired'
    | 'cancelled';
  detail: string | null;
  exit_code: number | null;
  output: string | null;
  installed_version: string | null;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
};

const COLUMNS = `a.id, a.contact_id, a.device_id, d.name AS device_name, d.os AS device_os, c.language AS contact_language, a.conversation_id, a.kind, a.app_id, a.app_name,
  a.status, a.detail, a.exit_code, a.output, a.installed_version, a.created_at, a.updated_at, a.expires_at`;
const JOINS = `JOIN devices d ON d.tenant_id = a.tenant_id AND d.id = a.device_id
  JOIN contacts c ON c.tenant_id = a.tenant_id AND c.id = a.contact_id`;
const FROM = `FROM action_requests a ${JOINS}`;

export type NewActionRequest = {
  contactId: string;
  deviceId: string;
  conversationId: string | null;
  kind: ActionRequestRow['kind'];
  appId: string | null;
  appName: string | null;
  expiresInSeconds: number;
};

export async function insertActionRequest(q: Queryable, tenantId: string, input: NewActionRequest): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO action_requests (tenant_id, contact_id, device_id, conversation_id, kind, app_id, app_name, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8)) RETURNING id`,
    [tenantId, input.contactId, input.deviceId, input.conversationId, input.kind, input.appId, input.appName, input.expiresInSeconds],
  );
  await q.query(`INSERT INTO action_request_events (tenant_id, action_id, status) VALUES ($1, $2, 'awaiting_confirmation')`, [tenantId, rows[0]!.id]);
  return rows[0]!.id;
}

export async function findActionRequest(q: Queryable, tenantId: string, id: string): Promise<ActionRequestRow | undefined> {
  const { rows } = await q.query<ActionRequestRow>(`SELECT ${COLUMNS} ${FROM} WHERE a.tenant_id = $1 AND a.id = $2`, [tenantId, id]);
  return rows[0];
}

export async function listActionRequestsOfConversation(q: Queryable, tenantId: string, conversationId: string): Promise<ActionRequestRow[]> {
  const { rows } = await q.query<ActionRequestRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE a.tenant_id = $1 AND a.conversation_id = $2 ORDER BY a.created_at`,
    [tenantId, conversationId],
  );
  return rows;
}

export type ActionStatus = ActionRequestRow['status'];

/** The change of one action request, applied only if it is still in one of `from`: two nodes or two tabs cannot both move it. */
export type StatusChange = {
  from: readonly ActionStatus[];
  to: ActionStatus;
  detail?: string | null;
  /** Seconds from now until the request expires in its new status. */
  expiresInSeconds?: number;
  verified?: boolean;
  result?: { exitCode?: number; output?: string; installedVersion?: string };
};

/**
 * Moves the request and logs the step in one statement; answers the request as it now is, or undefined when it was no
 * longer in one of `from`.
 */
export async function changeActionRequestStatus(
  q: Queryable,
  tenantId: string,
  id: string,
  change: StatusChange,
): Promise<ActionRequestRow | undefined> {
  const { rows } = await q.query<ActionRequestRow>(
    `WITH a AS (
       UPDATE action_requests SET status = $4, detail = coalesce($5, detail), updated_at = now(),
         expires_at = CASE WHEN $6::float8 IS NULL THEN expires_at ELSE now() + make_interval(secs => $6::float8) END,
         verified_at = CASE WHEN $7 THEN now() ELSE verified_at END,
         exit_code = coalesce($8, exit_code), output = coalesce($9, output), installed_version = coalesce($10, installed_version)
       WHERE tenant_id = $1 AND id = $2 AND status = ANY($3::text[])
       RETURNING *
     ), logged AS (
       INSERT INTO action_request_events (tenant_id, action_id, status, detail) SELECT tenant_id, id, status, $5 FROM a
     )
     SELECT ${COLUMNS} FROM a ${JOINS}`,
    [
      tenantId,
      id,
      change.from,
      change.to,
      change.detail ?? null,
      change.expiresInSeconds ?? null,
      change.verified ?? false,
      change.result?.exitCode ?? null,
      change.result?.output ?? null,
      change.result?.installedVersion ?? null,
    ],
  );
  return rows[0];
}

export type ActionEventRow = { action_id: string; status: ActionStatus; detail: string | null; created_at: Date };

export async function listActionEvents(q: Queryable, tenantId: string, actionIds: string[]): Promise<ActionEventRow[]> {
  if (actionIds.length === 0) return [];
  const { rows } = await q.query<ActionEventRow>(
    `SELECT action_id, status, detail, created_at FROM action_request_events WHERE tenant_id = $1 AND action_id = ANY($2::uuid[]) ORDER BY id`,
    [tenantId, actionIds],
  );
  return rows;
}

/** Requests verified for a device and not finished: what its agent must receive, oldest first. */
export async function listDeliverableActionRequests(q: Queryable, tenantId: string, deviceId: string): Promise<ActionRequestRow[]> {
  const { rows } = await q.query<ActionRequestRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE a.tenant_id = $1 AND a.device_id = $2 AND a.status IN ('queued', 'dispatched') ORDER BY a.created_at`,
    [tenantId, deviceId],
  );
  return rows;
}

/**
 * Claims a verified request for sending to its device, for `seconds`: of the nodes that see it (the one that verified
 * it, the one the agent just connected to), only the one that claims it sends it.
 */
export async function claimActionDelivery(q: Queryable, tenantId: string, id: string, seconds: number): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE action_requests SET delivery_claimed_until = now() + make_interval(secs => $3)
     WHERE tenant_id = $1 AND id = $2 AND status = 'queued' AND (delivery_claimed_until IS NULL OR delivery_claimed_until < now())`,
    [tenantId, id, seconds],
  );
  return rowCount === 1;
}

/** The claimed sending reached no agent: the next node to see the agent may send it at once. */
export async function releaseActionDelivery(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.query(`UPDATE action_requests SET delivery_claimed_until = NULL WHERE tenant_id = $1 AND id = $2 AND status = 'queued'`, [tenantId, id]);
}

/** Requests whose time ran out while they waited for the user or for their device, across tenants. */
export async function listOverdueActionRequests(q: Queryable, limit: number): Promise<(ActionRequestRow & { tenant_id: string })[]> {
  const { rows } = await q.query<ActionRequestRow & { tenant_id: string }>(
    `SELECT a.tenant_id, ${COLUMNS} ${FROM}
     WHERE a.status IN ('awaiting_confirmation', 'awaiting_code', 'queued') AND a.expires_at < now() ORDER BY a.expires_at LIMIT $1`,
    [limit],
  );
  return rows;
}

/** The user's request that waits for a code, newest first: where a phone saved in the middle of the flow sends one. */
export async function findActionAwaitingCode(q: Queryable, tenantId: string, contactId: string): Promise<ActionRequestRow | undefined> {
  const { rows } = await q.query<ActionRequestRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE a.tenant_id = $1 AND a.contact_id = $2 AND a.status = 'awaiting_code' ORDER BY a.updated_at DESC LIMIT 1`,
    [tenantId, contactId],
  );
  return rows[0];
}
