import type pg from 'pg';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { AGENT_NAMESPACE, type Command } from '../../device-agent/protocol.js';
import type { ActionRequestRow } from '../../db/repositories/action-requests.js';
import { transitionAction } from '../../domain/actions/action-lifecycle.js';
import { actionView } from '../../domain/actions/action-view.js';
import { commandsFor, deliverableRequests } from '../../domain/actions/device-commands.js';
import { recordDeviceReceipt } from '../../domain/actions/record-device-report.js';
import type { AgentDeviceRow } from '../../db/repositories/devices.js';
import { claimActionDelivery, findActionRequest, releaseActionDelivery } from '../../db/repositories/action-requests.js';
import { withTransaction } from '../../db/transaction.js';
import type { ChannelOutbounds } from '../channels/channel-outbound.js';
import type { PortalEvents } from './portal-events.js';
import { deviceRoom, userRoom } from './rooms.js';

/** How long an agent has to acknowledge a command before it counts as not received (it is sent again on reconnect). */
const RECEIPT_TIMEOUT_MS = 10_000;

/**
 * Carries action requests between the portal and the agents: tells a user's open windows when a request changes, and
 * sends verified requests to their device's agent, marking them dispatched once the agent acknowledges.
 */
export class ActionDelivery {
  constructor(
    private readonly io: Server,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
    events: PortalEvents,
    private readonly channels: ChannelOutbounds,
  ) {
    const failed = (error: unknown) => this.logger.error({ err: error }, 'action delivery failed');
    events.on('actionChanged', (tenantId, actionId) => {
      void findActionRequest(this.pool, tenantId, actionId)
        .then((row) => row && this.announce(row, tenantId))
        .catch(failed);
    });
    events.on('actionVerified', (tenantId, actionId) => void this.deliver(tenantId, actionId).catch(failed));
  }

  /**
   * Every window of the request's user hears of the change, the one that made it included (their self-service list
   * shows it whichever channel asked); so does the channel of the chat it was asked in, when that is not the widget.
   */
  announce(row: ActionRequestRow, tenantId: string): void {
    const action = actionView(row);
    this.io.of('/portal').to(userRoom(tenantId, row.contact_id)).emit('action:update', { action });
    if (!row.conversation_id) return;
    this.channels.sendTo(tenantId, row.conversation_id, 'action update', (channel, to) => {
      if (to.channel.kind !== 'widget') return channel.actionUpdate(to, action);
    });
  }

  /** A request just verified: its device's agent gets it now if it is connected to any node, else when it connects. */
  async deliver(tenantId: string, actionId: string, again = true): Promise<void> {
    const row = await findActionRequest(this.pool, tenantId, actionId);
    if (!row || row.status !== 'queued') return;
    const device = { tenant_id: tenantId, id: row.device_id };
    await this.send(device, [row], (command, onAnswer) =>
      this.io.of(AGENT_NAMESPACE).to(deviceRoom(row.device_id)).timeout(RECEIPT_TIMEOUT_MS).emit('command', command, (error: unknown, answers: unknown[]) => {
        const answered = !error && answers.some(received);
        // An agent that connected while this node held the claim found nothing to take: one more try reaches it.
        void onAnswer(answered)
          .then(() => (answered || !again ? undefined : this.deliver(tenantId, actionId, false)))
          .catch((error: unknown) => this.logger.error({ err: error, actionId }, 'action delivery failed'));
      }),
    );
  }

  /** An agent has just connected: everything verified for its device and not finished is sent again, oldest first. */
  async deliverBacklog(device: AgentDeviceRow, socket: Socket): Promise<void> {
    const rows = await deliverableRequests(this.pool, device.tenant_id, device.id);
    await this.send(device, rows, (command, onAnswer) =>
      socket.timeout(RECEIPT_TIMEOUT_MS).emit('command', command, (error: unknown, answer: unknown) => {
        void onAnswer(!error && received(answer));
      }),
    );
  }

  private async send(
    device: Pick<AgentDeviceRow, 'tenant_id' | 'id'>,
    rows: ActionRequestRow[],
    emit: (command: Command, onAnswer: (received: boolean) => Promise<void>) => void,
  ): Promise<void> {
    if (rows.length === 0) return;
    const commands = await commandsFor(this.pool, device.tenant_id, rows);
    for (const row of rows) {
      const command = commands.get(row.id);
      if (!command) {
        await this.failUnavailable(device.tenant_id, row);
        continue;
      }
      // Several nodes may see a request to send at once (the one that verified it, the one its agent connects to):
      // the database says which one sends it. One already dispatched is sent again as is, the agent runs an id once.
      const claimed = row.status !== 'queued' || (await claimActionDelivery(this.pool, device.tenant_id, row.id, RECEIPT_TIMEOUT_MS / 1000 + 5));
      if (!claimed) continue;
      emit(command, async (answered) => {
        try {
          if (!answered) return await releaseActionDelivery(this.pool, device.tenant_id, row.id);
          const moved = await recordDeviceReceipt(this.pool, device, row.id);
          if (moved) this.announce(moved, device.tenant_id);
        } catch (error) {
          this.logger.error({ err: error, actionId: row.id }, 'recording a receipt failed');
        }
      });
    }
  }

  /** An install whose app was taken out of the catalog after it was verified does not run. */
  private async failUnavailable(tenantId: string, row: ActionRequestRow): Promise<void> {
    const failed = await withTransaction(this.pool, (client) =>
      transitionAction(
        client,
        tenantId,
        row.id,
        { to: 'failed', detail: { key: 'action.app_unavailable', params: { app: row.app_name ?? row.app_id ?? '' } } },
        { actorKind: 'system' },
      ),
    );
    if (failed) this.announce(failed, tenantId);
  }
}

function received(answer: unknown): boolean {
  return typeof answer === 'object' && answer !== null && (answer as { received?: unknown }).received === true;
}
