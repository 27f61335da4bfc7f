import { AppError } from '../domain/errors.js';
import type { ToolContext } from './tool.js';

/** Device actions and installs are proposed only when the user's own message asked for one. */
export async function requireUserRequest(context: ToolContext): Promise<void> {
  if (!(await context.actionsAllowed())) throw new AppError('action_not_requested', 'the user did not ask for an action in this turn');
}
