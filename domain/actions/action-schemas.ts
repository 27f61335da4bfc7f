import * as z from 'zod';

export const DEVICE_ACTION_KINDS = ['restart', 'lock', 'shutdown', 'logout', 'reset_password'] as const;
export const ACTION_KINDS = [...DEVICE_ACTION_KINDS, 'install'] as const;
export const ACTION_STATUSES = [
  'awaiting_confirmation',
  'awaiting_code',
  'queued',
  'dispatched',
  'running',
  'succeeded',
  'failed',
  'expired',
  'cancelled',
] as const;

export type DeviceActionKind = (typeof DEVICE_ACTION_KINDS)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ActionViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ACTION_KINDS),
    deviceId: z.string(),
    deviceName: z.string(),
    appId: z.string().optional(),
    appName: z.string().optional(),
    status: z.enum(ACTION_STATUSES),
  })
  .meta({ id: 'ActionRequest' });
export type ActionView = z.infer<typeof ActionViewSchema>;
