import type { ActionKind, ActionView } from '../../../domain/actions/action-schemas.js';
import type { CatalogAppView } from '../../../domain/catalog/catalog-schemas.js';
import type { DeviceView } from '../../../domain/devices/device-schemas.js';
import { request } from './http.js';

export const getDevices = () => request<{ devices: DeviceView[] }>('/api/v1/devices');
export const getCatalog = (deviceId: string) => request<{ apps: CatalogAppView[] }>(`/api/v1/selfservice/catalog?deviceId=${encodeURIComponent(deviceId)}`);
export const requestAction = (deviceId: string, kind: ActionKind, appId?: string) =>
  request<{ action: ActionView }>('/api/v1/selfservice/actions', { method: 'POST', body: { deviceId, kind, ...(appId === undefined ? {} : { appId }) } });

export const savePhone = (phone: string) => request<{ ok: true }>('/api/v1/me/phone', { method: 'PUT', body: { phone } });
export const requestPhoneChange = (password: string) => request<{ ok: true }>('/api/v1/me/phone/change', { method: 'POST', body: { password } });
export const confirmPhoneChange = (code: string, phone: string) =>
  request<{ ok: true }>('/api/v1/me/phone/change/confirm', { method: 'POST', body: { code, phone } });
