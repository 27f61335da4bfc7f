import * as z from 'zod';

export const DeviceViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    os: z.enum(['windows', 'macos', 'linux']),
    osVersion: z.string().nullable(),
    model: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'Device' });
export type DeviceView = z.infer<typeof DeviceViewSchema>;
