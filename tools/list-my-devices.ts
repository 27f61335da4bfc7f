import * as z from 'zod';
import { listMyDevices } from '../domain/devices/list-my-devices.js';
import { defineTool } from './tool.js';

export const listMyDevicesTool = defineTool({
  name: 'list_my_devices',
  description:
    "Lists the computers assigned to the user (id, name, operating system). Device actions and installs are possible only on these.",
  schema: z.strictObject({}),
  handler: async ({ deps, ctx }) => ({ devices: await listMyDevices(deps.pool, ctx) }),
});
