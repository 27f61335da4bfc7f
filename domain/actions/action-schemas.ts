import * as z from 'zod';
import { ACTION_KINDS, ACTION_STATUSES } from './action-kinds.js';

export { ACTION_KINDS, ACTION_STATUSES, DEVICE_ACTION_KINDS, type ActionKind, type ActionStatus, type DeviceActionKind } from './action-kinds.js';

export const ActionViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ACTION_KINDS),
    deviceId: z.string(),
    deviceName: z.string(),
    appId: z.string().optional(),
    appName: z.string().optional(),
    status: z.enum(ACTION_STATUSES),
    detail: z.string().optional().meta({ description: 'Why it expired or failed, or what was installed, in the user\'s language.' }),
    history: z
      .array(z.object({ status: z.enum(ACTION_STATUSES), detail: z.string().optional(), at: z.string() }))
      .optional()
      .meta({ description: 'Every status it went through, oldest first (the action log of a chat ticket).' }),
  })
  .meta({ id: 'ActionRequest' });
export type ActionView = z.infer<typeof ActionViewSchema>;

export const ActionRefSchema = z.strictObject({ actionId: z.uuid() });

export const PhoneSchema = z.strictObject({ phone: z.string().max(40).meta({ description: 'A mobile number with its country code' }) });

/** People type codes with spaces or dashes ("123 456"); only the six digits count. */
export const CodeSchema = z
  .string()
  .max(20)
  .transform((code) => code.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'expected the 6-digit code from the text message'));

export const VerifySchema = z.strictObject({ actionId: z.uuid(), code: CodeSchema });
