import * as z from 'zod';
import { isAppError } from '../domain/errors.js';
import { validationError } from '../domain/validation.js';
import { t } from '../i18n/translate.js';
import type { ToolContext, ToolDefinition, ToolOutcome } from './tool.js';

/**
 * Runs one tool for either engine: arguments checked against its schema, domain refusals turned into a structured
 * result the model and the local engine can read. Only unexpected failures reach `onUnexpected` (for the log).
 */
export async function runTool(
  tool: ToolDefinition,
  context: ToolContext,
  rawArgs: unknown,
  onUnexpected: (error: unknown) => void = () => undefined,
): Promise<ToolOutcome> {
  const parsed = z.safeParse(tool.schema, rawArgs ?? {});
  if (!parsed.success) {
    const error = validationError(parsed.error);
    return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
  }
  try {
    return { ok: true, data: await tool.handler(context, parsed.data) };
  } catch (error) {
    if (isAppError(error)) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: t(context.language, `errors.${error.code}`, error.params),
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      };
    }
    onUnexpected(error);
    return { ok: false, error: { code: 'internal', message: t(context.language, 'errors.internal') } };
  }
}
