import type pg from 'pg';
import type { CommandUpdate } from '../../device-agent/protocol.js';
import { findActionRequest, type ActionRequestRow } from '../../db/repositories/action-requests.js';
import { findContactPhone } from '../../db/repositories/principals.js';
import type { AgentDeviceRow } from '../../db/repositories/devices.js';
import { withTransaction } from '../../db/transaction.js';
import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import type { SmsSender } from '../verification/sms-sender.js';
import type { ActionDetail } from './action-detail.js';
import { transitionAction } from './action-lifecycle.js';

const DEVICE = { actorKind: 'system' } as const;

/** The agent has the command: it is off the queue. Answers the request if that moved it. */
export async function recordDeviceReceipt(
  pool: pg.Pool,
  device: Pick<AgentDeviceRow, 'tenant_id' | 'id'>,
  actionId: string,
): Promise<ActionRequestRow | undefined> {
  return withTransaction(pool, async (client) => {
    const row = await findActionRequest(client, device.tenant_id, actionId);
    if (!row || row.device_id !== device.id) return undefined;
    return transitionAction(client, device.tenant_id, actionId, { to: 'dispatched' }, DEVICE);
  });
}

function outcomeDetail(row: ActionRequestRow, update: CommandUpdate): ActionDetail | undefined {
  if (update.status === 'failed') return { key: 'action.failed', params: { code: update.exitCode ?? '?' } };
  if (update.status === 'succeeded' && row.kind === 'install' && update.installedVersion) {
    return { key: 'action.succeeded_install', params: { app: row.app_name ?? row.app_id ?? '', version: update.installedVersion } };
  }
  return undefined;
}

/**
 * A device reports progress on a command. Only the device the request was for may report on it; a report that does
 * not fit the request's status (a duplicate, a late one) changes nothing. The temporary password of a reset goes to
 * the user by SMS and is kept nowhere, not even in the output.
 */
export async function recordDeviceReport(
  pool: pg.Pool,
  deps: { sms: SmsSender },
  device: AgentDeviceRow,
  update: CommandUpdate,
): Promise<ActionRequestRow | undefined> {
  const { temporaryPassword } = update;
  const output = temporaryPassword ? update.output?.split(temporaryPassword).join('[redacted]') : update.output;
  const moved = await withTransaction(pool, async (client) => {
    const row = await findActionRequest(client, device.tenant_id, update.commandId);
    if (!row || row.device_id !== device.id) return undefined;
    return transitionAction(
      client,
      device.tenant_id,
      row.id,
      {
        to: update.status,
        detail: outcomeDetail(row, update),
        result: { exitCode: update.exitCode, output, installedVersion: update.installedVersion },
      },
      DEVICE,
    );
  });
  if (moved?.status === 'succeeded' && moved.kind === 'reset_password' && temporaryPassword) {
    await sendTemporaryPassword(pool, deps.sms, device.tenant_id, moved, temporaryPassword);
  }
  return moved;
}

async function sendTemporaryPassword(pool: pg.Pool, sms: SmsSender, tenantId: string, row: ActionRequestRow, password: string): Promise<void> {
  const phone = await findContactPhone(pool, tenantId, row.contact_id);
  // The user verified this very action by SMS, so a phone is on record; if an admin removed it since, nobody gets it.
  if (!phone) return;
  const language: Language = row.contact_language;
  await sms.send({ tenantId, to: phone, body: t(language, 'sms.temporary_password', { device: row.device_name, password }) });
}
