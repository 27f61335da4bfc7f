import type pg from 'pg';
import type { ActionView, ActionKind } from './action-schemas.js';
import { requestDeviceAction } from './request-device-action.js';
import { requestSoftwareInstall } from './request-software-install.js';
import { AppError } from '../errors.js';
import type { Ctx } from '../context.js';

export type SelfServiceActionInput = { deviceId: string; kind: ActionKind; appId?: string };

/** The Self-service list's request: the same proposal, confirmation and verification as one made in the chat. */
export async function requestSelfServiceAction(pool: pg.Pool, ctx: Ctx, input: SelfServiceActionInput): Promise<ActionView> {
  if (input.kind === 'install') {
    if (!input.appId) throw new AppError('validation_failed', 'appId is required to install', { params: { detail: 'appId' } });
    return requestSoftwareInstall(pool, ctx, { app: input.appId, device: input.deviceId, conversationId: null });
  }
  return requestDeviceAction(pool, ctx, { action: input.kind, device: input.deviceId, conversationId: null });
}
