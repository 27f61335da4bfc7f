import { format } from 'node:util';
import { LogLevel, webApi, type Logger as BoltLogger, type ReceiverEvent } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from 'pino';

/** Where Socket Mode hands each envelope: the Slack app's own processing (Bolt's `App.processEvent`), as over HTTP. */
export type SlackDispatch = (event: ReceiverEvent) => Promise<void>;

export type SlackSocketModeOptions = {
  /** The app-level token (`xapp-…`, scope `connections:write`) that opens connections. */
  appToken: string;
  /** Slack's Web API, where `apps.connections.open` is asked for a connection's address. */
  apiUrl: string;
  logger: Logger;
  /** The wait after a first failed attempt to connect, doubled at each further one up to a minute. */
  retryMs?: number;
};

const MAX_RETRY_MS = 60_000;

/** Slack's answers to `apps.connections.open` that another attempt may not meet again; any other is a wrong setting. */
const PASSING_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

type Envelope = {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  body: Record<string, unknown>;
  retry_num?: number;
  retry_reason?: string;
};

/** The Socket Mode client's own lines, kept for debugging: what matters to an admin is said once below. */
function quietLogger(log: Logger): BoltLogger {
  const debug = (...msg: unknown[]) => log.debug(format(...msg));
  return {
    debug,
    info: debug,
    warn: debug,
    error: debug,
    setLevel: () => undefined,
    getLevel: () => (log.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => undefined,
  };
}

/** The setting Slack refused the connection for (`invalid_auth`…), or nothing when trying again may help. */
function refusalOf(error: unknown): string | undefined {
  const platform = error as Partial<webApi.WebAPIPlatformError> | undefined;
  if (platform?.code !== webApi.ErrorCode.PlatformError) return undefined;
  const answer = platform.data?.error;
  return answer === undefined || PASSING_ERRORS.has(answer) ? undefined : answer;
}

/**
 * A Slack app reached over Socket Mode, for installs Slack cannot reach by HTTP: a WebSocket that Portico opens to
 * Slack (its address from `apps.connections.open` on `apiUrl`), on which every envelope (events, button presses, modal
 * submissions) goes to `dispatch`, the same processing as the HTTP endpoint's. An envelope is acknowledged once
 * `dispatch` is done, with what its listener answered (a modal's errors…), as the HTTP endpoint answers once the
 * message is stored; one that fails is left unacknowledged, so Slack sends it again.
 *
 * The connection is opened again whenever it closes (Slack asks for it every few hours), at once, then after a wait
 * that grows while attempts fail. A token Slack refuses stops it with one error line; the rest of Portico goes on.
 * Starts at once and does not wait for Slack; answers the function that closes the connection for good.
 */
export function startSlackSocketMode(options: SlackSocketModeOptions, dispatch: SlackDispatch): () => Promise<void> {
  const log = options.logger.child({ channel: 'slack', transport: 'socket-mode' });
  const retryMs = options.retryMs ?? 1_000;
  const client = new SocketModeClient({
    appToken: options.appToken,
    logger: quietLogger(log),
    // Reconnection is done here: the client's own throws a refused token from a timer, where nothing can catch it.
    autoReconnectEnabled: false,
    // Slack's pongs are read by the event loop: a turn that holds it a few seconds (the local models loading) must not
    // pass for a dead connection.
    clientPingTimeout: 15_000,
    clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 }, timeout: 10_000 },
  });

  client.on('slack_event', (envelope: Envelope) => {
    let answer: Record<string, unknown> | undefined;
    const event: ReceiverEvent = {
      body: envelope.body,
      ack: (response?: Record<string, unknown>) => {
        answer ??= response;
        return Promise.resolve();
      },
      retryNum: envelope.retry_num,
      retryReason: envelope.retry_reason,
    };
    void dispatch(event).then(
      () => envelope.ack(answer).catch((error: unknown) => log.warn({ reason: String(error) }, 'Slack envelope not acknowledged: the connection closed; Slack sends it again')),
      (error: unknown) => log.error({ err: error }, 'Slack envelope failed; Slack sends it again'),
    );
  });

  let stopped = false;
  let connected = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let attempt = Promise.resolve();

  const connect = async () => {
    timer = undefined;
    try {
      await client.start();
      if (stopped) return;
      connected = true;
      failures = 0;
      log.info('Slack Socket Mode connected');
    } catch (error) {
      if (stopped) return;
      const refusal = refusalOf(error);
      if (refusal) {
        log.error({ error: refusal }, `Slack refused the app-level token (${refusal}): no Slack messages until a valid token with connections:write is set`);
        return;
      }
      failures += 1;
      const waitMs = Math.min(MAX_RETRY_MS, retryMs * 2 ** (failures - 1));
      log.warn({ reason: error === undefined ? 'closed before Slack said hello' : String(error), retryInMs: waitMs }, 'Slack Socket Mode could not connect');
      timer = setTimeout(() => (attempt = connect()), waitMs);
    }
  };

  client.on('disconnected', () => {
    if (stopped || !connected) return;
    connected = false;
    log.info('Slack Socket Mode connection closed; opening another');
    attempt = connect();
  });
  attempt = connect();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await attempt;
    await client.disconnect();
  };
}
