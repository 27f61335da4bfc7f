import type pg from 'pg';
import type { Logger } from 'pino';
import { startAgent, type RunningAgent } from '../device-agent/agent.js';
import { listAssignedDevices, setAgentTokenHash } from '../db/repositories/devices.js';
import { hashToken, newToken } from '../domain/devices/agent-token.js';

/**
 * The demo tenant's computers do not exist, so each gets a simulated agent inside the server: it connects over
 * socket.io like a real one and goes through every step without touching this machine. Tokens are new at each start.
 */
export async function startDemoAgents(pool: pg.Pool, tenantId: string, server: string, logger: Logger): Promise<{ stop(): Promise<void> }> {
  const rows = await listAssignedDevices(pool, tenantId);
  const log = logger.child({ component: 'demo-agent' });
  const agents: RunningAgent[] = [];
  for (const device of rows) {
    const agentToken = newToken('pat');
    await setAgentTokenHash(pool, tenantId, device.id, hashToken(agentToken));
    agents.push(
      await startAgent({
        server,
        agentToken,
        simulate: true,
        platform: device.os,
        loggedInUser: 'demo',
        logger: (line) => log.debug({ device: device.name }, line),
      }),
    );
  }
  return { stop: async () => void (await Promise.all(agents.map((agent) => agent.stop()))) };
}
