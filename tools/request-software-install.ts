import * as z from 'zod';
import { requestSoftwareInstall } from '../domain/actions/request-software-install.js';
import { requireUserRequest } from './require-user-request.js';
import { defineTool } from './tool.js';

export const requestSoftwareInstallTool = defineTool({
  name: 'request_software_install',
  description:
    "Proposes installing an application from the company's approved software catalog on one of the user's computers. " +
    'Give the app by catalog name or id (typos are tolerated). Apps outside the catalog are refused with the nearest ' +
    'catalog apps (error app_not_in_catalog): offer those or a ticket. Nothing installs until the user confirms and ' +
    'verifies by SMS code in the portal.',
  schema: z.strictObject({
    app: z.string().trim().min(1).max(120).describe('Catalog app name or id, e.g. "Google Chrome" or "7-zip"'),
    device: z.string().trim().min(1).max(200).optional().describe("The device's id or name, from list_my_devices"),
  }),
  handler: async (context, args) => {
    await requireUserRequest(context);
    const { deps, ctx, conversationId, record } = context;
    const action = await requestSoftwareInstall(deps.pool, ctx, { ...args, conversationId });
    record.actions.push(action);
    return { action, next: 'The user must confirm the install and enter the SMS code in the portal.' };
  },
});
