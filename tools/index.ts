import { createTicketTool } from './create-ticket.js';
import { escalateToTechnicianTool } from './escalate-to-technician.js';
import { getTicketStatusTool } from './get-ticket-status.js';
import { listMyDevicesTool } from './list-my-devices.js';
import { listMyTicketsTool } from './list-my-tickets.js';
import { requestDeviceActionTool } from './request-device-action.js';
import { requestSoftwareInstallTool } from './request-software-install.js';
import { searchKnowledgeBaseTool } from './search-knowledge-base.js';
import type { ToolDefinition } from './tool.js';

/** Every tool of the assistant, as both engines see them; names are fixed by the contract. */
export const ASSISTANT_TOOLS: ToolDefinition[] = [
  searchKnowledgeBaseTool,
  listMyDevicesTool,
  requestDeviceActionTool,
  requestSoftwareInstallTool,
  listMyTicketsTool,
  getTicketStatusTool,
  createTicketTool,
  escalateToTechnicianTool,
];

export function findTool(name: string): ToolDefinition | undefined {
  return ASSISTANT_TOOLS.find((tool) => tool.name === name);
}
