import type { ActionEventRow, ActionRequestRow } from '../../db/repositories/action-requests.js';
import type { Language } from '../../i18n/languages.js';
import { renderActionDetail } from './action-detail.js';
import type { ActionView } from './action-schemas.js';

/** An action request as its user sees it; details come in `language`, by default the user's own. */
export function actionView(row: ActionRequestRow, language: Language = row.contact_language): ActionView {
  const detail = renderActionDetail(row.detail, language);
  return {
    id: row.id,
    kind: row.kind,
    deviceId: row.device_id,
    deviceName: row.device_name,
    ...(row.app_id ? { appId: row.app_id, appName: row.app_name ?? row.app_id } : {}),
    status: row.status,
    ...(detail ? { detail } : {}),
  };
}

/** The same with every status it went through, for the action log of a ticket. */
export function actionLogView(row: ActionRequestRow, events: ActionEventRow[], language: Language): ActionView {
  return {
    ...actionView(row, language),
    history: events
      .filter((e) => e.action_id === row.id)
      .map((e) => {
        const detail = renderActionDetail(e.detail, language);
        return { status: e.status, ...(detail ? { detail } : {}), at: e.created_at.toISOString() };
      }),
  };
}
