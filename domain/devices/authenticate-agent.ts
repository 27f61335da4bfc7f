import type pg from 'pg';
import { findDeviceByAgentTokenHash, type AgentDeviceRow } from '../../db/repositories/devices.js';
import { AppError } from '../errors.js';
import { hashToken } from './agent-token.js';

/** The device an agent token belongs to; a removed device or a wrong token is refused. */
export async function authenticateAgent(pool: pg.Pool, token: string): Promise<AgentDeviceRow> {
  const device = await findDeviceByAgentTokenHash(pool, hashToken(token));
  if (!device) throw new AppError('agent_unauthenticated', 'unknown agent token');
  return device;
}
