import * as z from 'zod';

export const DeviceViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    os: z.enum(['windows', 'macos', 'linux']),
    osVersion: z.string().nullable(),
    model: z.string().nullable(),
    online: z.boolean().meta({ description: 'Whether its agent is connected now' }),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'Device' });
export type DeviceView = z.infer<typeof DeviceViewSchema>;

export const AdminDeviceViewSchema = DeviceViewSchema.extend({
  companyId: z.string(),
  contactId: z.string().nullable(),
  loggedInUser: z.string().nullable(),
  agentVersion: z.string().nullable(),
  enrolledAt: z.string().nullable(),
}).meta({ id: 'AdminDevice' });
export type AdminDeviceView = z.infer<typeof AdminDeviceViewSchema>;
