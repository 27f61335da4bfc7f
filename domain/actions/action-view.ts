import type { ActionRequestRow } from '../../db/repositories/action-requests.js';
import type { ActionView } from './action-schemas.js';

export function actionView(row: ActionRequestRow): ActionView {
  return {
    id: row.id,
    kind: row.kind,
    deviceId: row.device_id,
    deviceName: row.device_name,
    ...(row.app_id ? { appId: row.app_id, appName: row.app_name ?? row.app_id } : {}),
    status: row.status,
  };
}
