import type { AdminDeviceView, CreateEnrollmentTokenInput, EnrollmentTokenView } from '../../../domain/devices/device-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

export type CreatedEnrollmentToken = { id: string; token: string; maxUses: number; expiresAt: string };

export const listDevices = () => request<{ devices: AdminDeviceView[] }>('/api/v1/admin/devices');
export const assignDevice = (id: string, contactId: string | null) =>
  request<AdminDeviceView>(`/api/v1/admin/devices/${encodeURIComponent(id)}`, { method: 'PATCH', body: { contactId } });
export const removeDevice = (id: string) => request<unknown>(`/api/v1/admin/devices/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const listEnrollmentTokens = () => request<{ tokens: EnrollmentTokenView[] }>('/api/v1/admin/enrollment-tokens');
export const createEnrollmentToken = (input: CreateEnrollmentTokenInput) =>
  request<CreatedEnrollmentToken>('/api/v1/admin/enrollment-tokens', { method: 'POST', body: input });
export const revokeEnrollmentToken = (id: string) => request<unknown>(`/api/v1/admin/enrollment-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** The command that enrolls the agent of the computer it runs on, as the README and docs/device-agent.md give it. */
export const enrollCommand = (token: string) => `npx tsx device-agent/cli.ts enroll --server ${location.origin} --token ${token}`;
