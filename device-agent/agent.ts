import { EventEmitter } from 'node:events';
import { io } from 'socket.io-client';
import * as z from 'zod';
import { CommandLog } from './command-log.js';
import { driverFor } from './drivers/index.js';
import type { SignedInUser } from './drivers/types.js';
import { executeCommand, type Outcome } from './execute.js';
import { stdoutLogger, type LogLine } from './logger.js';
import { TAIL_CHARS } from './output-tail.js';
import { currentPlatform } from './platform.js';
import {
  AGENT_NAMESPACE,
  CommandSchema,
  CommandUpdateSchema,
  type AgentAuth,
  type Command,
  type CommandUpdate,
  type Heartbeat,
  type Platform,
} from './protocol.js';
import { agentAccount, detectSignedInUser } from './session.js';
import { describeOs } from './system-info.js';
import { fit } from './text.js';
import { AGENT_VERSION } from './version.js';

export interface AgentOptions {
  /** Portico's base URL, e.g. `https://support.example.com`. */
  server: string;
  agentToken: string;
  /** Report what would run instead of running it (demo devices, trying the agent out). */
  simulate: boolean;
  heartbeatMs?: number;
  /** Where command ids already taken on are kept across restarts; in memory when absent. */
  stateFile?: string;
  logger?: LogLine;
  osVersion?: string;
  /** A fixed signed-in user instead of asking the OS (simulated devices). */
  loggedInUser?: string;
  /** The OS whose commands are built; another than this machine's only makes sense with `simulate`. */
  platform?: Platform;
  simulatedRunMs?: number;
}

export type StopReason = 'requested' | 'unauthenticated';

export interface AgentEvents {
  connect: [];
  disconnect: [reason: string];
  /** A valid command arrived; `duplicate` when its id was seen before and it will not run again. */
  command: [command: Command, duplicate: boolean];
  /** A command starts running (or its simulation starts). */
  run: [command: Command];
  stopped: [reason: StopReason];
}

export interface RunningAgent {
  readonly connected: boolean;
  readonly events: EventEmitter<AgentEvents>;
  /** Settles when the agent stops: asked to, or because the server no longer knows its token. */
  readonly stopped: Promise<StopReason>;
  /** Disconnects and waits for state writes; a command already running is not waited for. */
  stop(): Promise<void>;
}

const ACK_TIMEOUT_MS = 10_000;
const RETRY_MAX_MS = 60_000;
// Simulated devices need ids the drivers can use when the OS is not really asked.
const SIMULATED_IDS = { uid: 501, sessionId: 1 };

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function finalUpdate(command: Command, outcome: Outcome): CommandUpdate {
  const update: CommandUpdate = { commandId: command.commandId, status: outcome.status };
  if (outcome.exitCode !== undefined) update.exitCode = outcome.exitCode;
  if (outcome.output) update.output = outcome.output.slice(-TAIL_CHARS);
  if (outcome.installedVersion) update.installedVersion = outcome.installedVersion;
  if (outcome.status === 'succeeded' && outcome.temporaryPassword) update.temporaryPassword = outcome.temporaryPassword;
  return update;
}

function describeOutcome(update: CommandUpdate): string {
  const exit = update.exitCode === undefined ? '' : ` (exit ${update.exitCode})`;
  const version = update.installedVersion ? `, version ${update.installedVersion}` : '';
  return `${update.status}${exit}${version}`;
}

/**
 * Connects a device to Portico's `/agents` namespace and serves its commands until stopped: reconnects forever with
 * backoff, sends heartbeats, runs each command id at most once, and reports every command's progress.
 */
export async function startAgent(options: AgentOptions): Promise<RunningAgent> {
  const log = options.logger ?? stdoutLogger;
  const platform = options.platform ?? currentPlatform();
  const simulate = options.simulate;
  const detectable = !simulate || platform === currentPlatform();
  const commands = await CommandLog.open(options.stateFile);
  const osVersion = fit(options.osVersion ?? (detectable ? await describeOs(platform) : undefined), 120);
  const driver = driverFor(platform);
  const events = new EventEmitter<AgentEvents>();

  const signedInUser = async (): Promise<SignedInUser> => {
    if (options.loggedInUser !== undefined) return { name: options.loggedInUser, ...(simulate ? SIMULATED_IDS : {}) };
    const detected = detectable ? await detectSignedInUser(platform) : {};
    return simulate ? { name: agentAccount(), ...SIMULATED_IDS, ...detected } : detected;
  };
  const reportedUser = async () => fit((await signedInUser()).name, 120);

  const url = new URL(options.server);
  const socket = io(`${url.origin}${AGENT_NAMESPACE}`, {
    path: `${url.pathname.replace(/\/+$/, '')}/socket.io`,
    forceNew: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: RETRY_MAX_MS,
    // A function, so each reconnection reports who is signed in now.
    auth: (send) => {
      void reportedUser().then((loggedInUser) => {
        const auth: AgentAuth = { token: options.agentToken, agentVersion: AGENT_VERSION, osVersion, loggedInUser };
        send(auth);
      });
    },
  });

  let stopping: Promise<void> | undefined;
  let resolveStopped!: (reason: StopReason) => void;
  const stopped = new Promise<StopReason>((resolve) => (resolveStopped = resolve));
  let retryTimer: NodeJS.Timeout | undefined;
  let retries = 0;
  let queue: Promise<void> = Promise.resolve();

  // socket.io reconnects by itself after network failures, not after the server refused the handshake or closed the
  // socket on purpose: those are retried here, with the same kind of capped, jittered backoff.
  const retryLater = () => {
    if (stopping || retryTimer) return;
    const delay = Math.min(RETRY_MAX_MS, 1_000 * 2 ** retries++) * (0.5 + Math.random() / 2);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (!stopping) socket.connect();
    }, delay);
  };

  const send = async (update: CommandUpdate) => {
    if (!socket.connected) return;
    const payload = CommandUpdateSchema.safeParse(update);
    if (!payload.success) {
      log(`command ${update.commandId}: cannot report ${update.status}: ${oneLine(z.prettifyError(payload.error))}`);
      return;
    }
    try {
      // Any answer, an error included, means the server has the update: only silence makes it worth sending again.
      await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command:update', payload.data);
    } catch {
      log(`command ${update.commandId}: the server did not acknowledge the ${update.status} update; it is sent again on reconnection`);
      return;
    }
    if (update.status !== 'running') {
      await commands.markDelivered(update.commandId).catch((error: unknown) => log(`cannot write the command state: ${errorMessage(error)}`));
    }
  };

  const run = async (command: Command) => {
    events.emit('run', command);
    void send({ commandId: command.commandId, status: 'running' });
    const outcome = await executeCommand(command, {
      driver,
      signedInUser,
      log,
      simulate,
      simulatedRunMs: options.simulatedRunMs ?? 1_500,
    }).catch((error: unknown): Outcome => ({ status: 'failed', output: `The agent could not run the command: ${errorMessage(error)}` }));
    const update = finalUpdate(command, outcome);
    log(`command ${command.commandId}: ${describeOutcome(update)}`);
    await commands.finish(update).catch((error: unknown) => log(`cannot write the command state: ${errorMessage(error)}`));
    await send(update);
  };

  const onCommand = async (payload: unknown, reply: (answer: unknown) => void) => {
    const parsed = CommandSchema.safeParse(payload);
    if (!parsed.success) {
      const message = `Invalid command: ${oneLine(z.prettifyError(parsed.error))}`;
      log(`ignored a command: ${message}`);
      reply({ error: { code: 'validation_failed', message } });
      return;
    }
    const command = parsed.data;
    const label = `command ${command.commandId} (${command.kind}${command.package ? ` ${command.package.id}` : ''})`;
    if (!commands.claim(command)) {
      events.emit('command', command, true);
      reply({ received: true });
      log(`${label} delivered again: not run again, its last status is sent again`);
      const last = commands.lastUpdate(command.commandId);
      if (last) await send(last);
      return;
    }
    events.emit('command', command, false);
    try {
      await commands.save();
    } catch (error) {
      // Without its record a command could run twice; it is refused before anything starts.
      commands.release(command.commandId);
      log(`${label} refused: cannot write the command state: ${errorMessage(error)}`);
      reply({ error: { code: 'agent_state_unwritable', message: 'The agent cannot record the command, so it does not run it.' } });
      return;
    }
    reply({ received: true });
    log(`${label} received`);
    // One command at a time: installers hold package manager locks, and a restart should come after what preceded it.
    queue = queue.then(() => run(command)).catch((error: unknown) => log(`${label}: ${errorMessage(error)}`));
  };

  socket.on('connect', () => {
    retries = 0;
    log(`connected to ${url.origin}${simulate ? ' (simulating commands)' : ''}`);
    events.emit('connect');
    void (async () => {
      for (const update of commands.undelivered()) await send(update);
    })();
  });
  socket.on('disconnect', (reason) => {
    log(`disconnected: ${reason}`);
    events.emit('disconnect', reason);
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (error: Error & { data?: { code?: unknown } }) => {
    if (error.data?.code === 'agent_unauthenticated') {
      log('the server no longer knows this device (its enrollment was removed): stopping; enroll the device again to reconnect it');
      void shutdown('unauthenticated');
      return;
    }
    log(`cannot connect to ${url.origin}: ${error.message}`);
    if (!socket.active) retryLater();
  });
  socket.on('command', (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (answer: unknown) => void) : () => undefined;
    onCommand(payload, reply).catch((error: unknown) => log(`a command could not be handled: ${errorMessage(error)}`));
  });

  const heartbeat = setInterval(() => {
    if (!socket.connected) return;
    void reportedUser().then((loggedInUser) => {
      const beat: Heartbeat = loggedInUser ? { loggedInUser } : {};
      socket.timeout(ACK_TIMEOUT_MS).emit('agent:heartbeat', beat, () => undefined);
    });
  }, options.heartbeatMs ?? 30_000);

  const shutdown = (reason: StopReason) => {
    stopping ??= (async () => {
      clearInterval(heartbeat);
      clearTimeout(retryTimer);
      socket.disconnect();
      socket.removeAllListeners();
      await commands.settled();
      resolveStopped(reason);
      events.emit('stopped', reason);
    })();
    return stopping;
  };

  return {
    get connected() {
      return socket.connected && !stopping;
    },
    events,
    stopped,
    stop: () => shutdown('requested'),
  };
}
