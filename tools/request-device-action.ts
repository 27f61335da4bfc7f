import * as z from 'zod';
import { DEVICE_ACTION_KINDS } from '../domain/actions/action-schemas.js';
import { requestDeviceAction } from '../domain/actions/request-device-action.js';
import { requireUserRequest } from './require-user-request.js';
import { defineTool } from './tool.js';

export const requestDeviceActionTool = defineTool({
  name: 'request_device_action',
  description:
    "Proposes an action on one of the user's own computers: restart, lock, shutdown, logout (sign the user out) or " +
    'reset_password (reset the local account password). Only when the user asked for it. Nothing runs yet: the user ' +
    'confirms and verifies by SMS code in the portal. If the user has several devices and did not say which, ask first ' +
    '(the error device_choice_needed lists them). Give the device id or name.',
  schema: z.strictObject({
    action: z.enum(DEVICE_ACTION_KINDS),
    device: z.string().trim().min(1).max(200).optional().describe("The device's id or name, from list_my_devices"),
  }),
  handler: async (context, args) => {
    await requireUserRequest(context);
    const { deps, ctx, conversationId, record } = context;
    const action = await requestDeviceAction(deps.pool, ctx, { ...args, conversationId });
    record.actions.push(action);
    return { action, next: 'The user must confirm the action and enter the SMS code in the portal.' };
  },
});
