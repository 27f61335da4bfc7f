import type { Queryable } from '../transaction.js';

export type ActionRequestRow = {
  id: string;
  contact_id: string;
  device_id: string;
  device_name: string;
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
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
};

const COLUMNS = `a.id, a.contact_id, a.device_id, d.name AS device_name, a.conversation_id, a.kind, a.app_id, a.app_name,
  a.status, a.detail, a.created_at, a.updated_at, a.expires_at`;
const FROM = 'FROM action_requests a JOIN devices d ON d.tenant_id = a.tenant_id AND d.id = a.device_id';

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

export async function updateActionRequestStatus(
  q: Queryable,
  tenantId: string,
  id: string,
  status: ActionRequestRow['status'],
  detail: string | null = null,
): Promise<void> {
  await q.query(`UPDATE action_requests SET status = $3, detail = coalesce($4, detail), updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    id,
    status,
    detail,
  ]);
}
