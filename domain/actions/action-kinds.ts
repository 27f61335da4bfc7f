// The kinds and statuses of an action request, plain lists with no validation library: the portal's bundle imports
// them as they are.
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
