import type pg from 'pg';
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import {
  AGENT_NAMESPACE,
  AgentAuthSchema,
  CommandUpdateSchema,
  HeartbeatSchema,
  type AgentAuth,
} from '../../device-agent/protocol.js';
import type { AgentDeviceRow } from '../../db/repositories/devices.js';
import { markDeviceLeft, markDeviceSeen } from '../../db/repositories/devices.js';
import { recordDeviceReport } from '../../domain/actions/record-device-report.js';
import { authenticateAgent } from '../../domain/devices/authenticate-agent.js';
import { isAppError } from '../../domain/errors.js';
import { parseInput } from '../../domain/validation.js';
import type { SmsSender } from '../../domain/verification/sms-sender.js';
import type { ActionDelivery } from './action-delivery.js';
import type { PortalEvents } from './portal-events.js';
import { deviceRoom } from './rooms.js';
import { guardRecovery } from './recovery.js';
import { handleEvent } from './socket-ack.js';

type AgentSocketData = { device: AgentDeviceRow; auth: AgentAuth };

const LAST_SEEN_PRECISION_MS = 5 * 60_000;

/**
 * The namespace device agents keep a connection to. An agent authenticates with its own token; it receives the
 * commands verified for its device and reports their progress, which its user sees live.
 */
export function agentsNamespace(
  io: Server,
  deps: {
    pool: pg.Pool;
    logger: Logger;
    delivery: ActionDelivery;
    sms: SmsSender;
    events: PortalEvents;
    /** This node's name in the database: a device's agent connection is known to be held here. */
    node: string;
  },
): Namespace {
  const agents = io.of(AGENT_NAMESPACE);
  // Its reconnection is then refused, and the agent stops.
  deps.events.on('deviceRemoved', (deviceId) => agents.in(deviceRoom(deviceId)).disconnectSockets(true));

  const authenticate = (socket: Socket, next: (error?: Error) => void) => {
    void (async () => {
      const auth = parseInput(AgentAuthSchema, socket.handshake.auth);
      (socket.data as AgentSocketData) = { device: await authenticateAgent(deps.pool, auth.token), auth };
      next();
    })().catch((error: unknown) => {
      const refused = new Error(isAppError(error) ? error.code : 'connect failed') as Error & { data?: unknown };
      refused.data = { code: isAppError(error) ? error.code : 'internal' };
      if (!isAppError(error)) deps.logger.error({ err: error }, 'agent connect failed');
      next(refused);
    });
  };
  guardRecovery(agents, authenticate, (socket) => deviceRoom((socket.data as AgentSocketData).device.id));

  agents.on('connection', (socket: Socket) => {
    const { device, auth } = socket.data as AgentSocketData;
    const log = deps.logger.child({ device: device.id });
    const options = (event: string) => ({ logger: log, language: () => 'en' as const, event });
    void socket.join(deviceRoom(device.id));
    void markDeviceSeen(deps.pool, device.tenant_id, device.id, {
      node: deps.node,
      agentVersion: auth.agentVersion,
      osVersion: auth.osVersion,
      loggedInUser: auth.loggedInUser,
    })
      .then(() => deps.delivery.deliverBacklog(device, socket))
      .catch((error: unknown) => log.error({ err: error }, 'agent connect handling failed'));

    let seenWritten = Date.now();
    let signedIn = auth.loggedInUser;
    socket.on(
      'agent:heartbeat',
      handleEvent(HeartbeatSchema, options('agent:heartbeat'), async ({ loggedInUser }) => {
        // The connection itself says the device is online; "last seen" needs only minutes, so most heartbeats cost
        // the database nothing (10,000 agents every 30 s would otherwise be 333 writes a second).
        if (Date.now() - seenWritten >= LAST_SEEN_PRECISION_MS || (loggedInUser !== undefined && loggedInUser !== signedIn)) {
          await markDeviceSeen(deps.pool, device.tenant_id, device.id, { node: deps.node, loggedInUser });
          seenWritten = Date.now();
          signedIn = loggedInUser ?? signedIn;
        }
        return { ok: true };
      }),
    );

    socket.on(
      'command:update',
      handleEvent(CommandUpdateSchema, options('command:update'), async (update) => {
        const moved = await recordDeviceReport(deps.pool, { sms: deps.sms }, device, update);
        if (moved) deps.delivery.announce(moved, device.tenant_id);
        return { ok: true };
      }),
    );

    socket.on('disconnect', () => {
      // A quick reconnect here may already have a new socket in the room; one to another node took the device over
      // in the database, and this leaves it be.
      if ((agents.adapter.rooms.get(deviceRoom(device.id))?.size ?? 0) > 0) return;
      markDeviceLeft(deps.pool, device.tenant_id, device.id, deps.node).catch((error: unknown) =>
        log.warn({ err: error }, 'marking the device offline failed'),
      );
    });
  });
  return agents;
}

/** The devices whose agents are connected to this node. */
export function heldDeviceIds(agents: Namespace): string[] {
  return [...new Set([...agents.sockets.values()].map((socket) => (socket.data as AgentSocketData).device.id))];
}
