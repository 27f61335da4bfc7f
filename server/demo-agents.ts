import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import { startAgent, type RunningAgent } from '../device-agent/agent.js';
import { listAssignedDevices, setAgentTokenHash } from '../db/repositories/devices.js';
import { hashToken, newToken } from '../domain/devices/agent-token.js';
import { renewLease } from './renewed-lease.js';

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

const LEASE = 'demo-agents';
const LEASE_SECONDS = 30;
const RENEW_MS = 10_000;

/**
 * With several nodes on one database, the demo agents run on one of them: the holder of a lease it renews. Another
 * node takes them over once the holder stopped renewing (it died, or lost the database).
 */
export function leadDemoAgents(pool: pg.Pool, tenantId: string, server: string, logger: Logger): { stop(): Promise<void> } {
  let agents: Promise<{ stop(): Promise<void> }> | undefined;
  const stopAgents = async () => {
    const running = agents;
    agents = undefined;
    await (await running?.catch(() => undefined))?.stop();
  };
  const lease = renewLease(
    pool,
    { name: LEASE, holder: randomUUID(), seconds: LEASE_SECONDS, everyMs: RENEW_MS },
    async (held) => {
      if (held && !agents) {
        logger.info('this node runs the demo agents');
        agents = startDemoAgents(pool, tenantId, server, logger);
        agents.catch((error: unknown) => {
          logger.error({ err: error }, 'demo agents failed to start');
          agents = undefined;
        });
      } else if (!held && agents) {
        logger.info('another node runs the demo agents now');
        await stopAgents();
      }
    },
    (error) => logger.error({ err: error }, 'demo agents lease failed'),
  );
  return {
    async stop() {
      await lease.halt();
      await stopAgents();
      await lease.release();
    },
  };
}
