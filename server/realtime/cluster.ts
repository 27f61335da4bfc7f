import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient, type RedisClientType } from 'redis';

/** Redis as the nodes' meeting point: the socket.io adapter's connections, and whether they are up. */
export type RedisLink = {
  adapter: ReturnType<typeof createAdapter>;
  /** Every connection is up: what one node emits reaches the others. */
  ready(): boolean;
  /** Called with true when both connections are up again, false when one dropped. */
  onChange(listener: (up: boolean) => void): void;
  close(): Promise<void>;
};

const RECONNECT_MAX_MS = 2_000;

/**
 * Entries kept in the stream the nodes share, trimmed beyond: what a reconnecting client can be given back. Every
 * broadcast of every namespace is one entry, so this is the events of a recovery window at a busy hour.
 */
const STREAM_MAX_LENGTH = 100_000;

type Client = RedisClientType;

/**
 * What the streams adapter does with its client while Redis is away. Its sends fail at once (no offline queue) and it
 * still serves this node's own sockets; asked how many nodes listen before it waits for their answers, it hears "this
 * node alone", so nothing waits on Redis; a session it keeps for recovery is not kept, without an unheard rejection.
 * The connections it opens for itself (reading the stream, subscribing) wait for Redis instead of failing in a loop.
 */
function alone(client: Client, failed: (error: unknown) => void, opened: (client: Client) => void): Client {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'publish') {
        return (channel: string, message: string | Buffer) =>
          target.isReady ? target.publish(channel, message).catch((error: unknown) => (failed(error), 0)) : Promise.resolve(0);
      }
      if (property === 'set') {
        return (...args: Parameters<Client['set']>) => target.set(...args).catch((error: unknown) => (failed(error), null));
      }
      if (property === 'sendCommand') {
        return (args: string[]) => {
          const thisNodeOnly = args[0] === 'PUBSUB' ? [args[2], 1] : undefined;
          if (!target.isReady && thisNodeOnly) return Promise.resolve(thisNodeOnly);
          return target.sendCommand(args).catch((error: unknown) => {
            if (!thisNodeOnly) throw error;
            failed(error);
            return thisNodeOnly;
          });
        };
      }
      if (property === 'duplicate') {
        return () => {
          const duplicate = target.duplicate({ disableOfflineQueue: false });
          opened(duplicate);
          return duplicate;
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

/**
 * Connects to Redis in the background: a node whose Redis is away starts and serves its own sockets, says so in the
 * log once, and joins the others again by itself when Redis is back.
 */
export function connectRedis(url: string, logger: Logger): RedisLink {
  const log = logger.child({ component: 'redis' });
  const options = { url, socket: { reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), RECONNECT_MAX_MS) } };
  // Without the offline queue a command while Redis is away fails at once instead of piling up in memory.
  const pub: Client = createClient({ ...options, disableOfflineQueue: true });
  const clients: Client[] = [pub];
  const listeners: ((up: boolean) => void)[] = [];
  let up = false;
  let closing = false;
  const check = (error?: unknown) => {
    const now = clients.every((client) => client.isReady);
    if (now === up || closing) return;
    up = now;
    if (up) log.info('Redis connected: events reach the other nodes');
    else log.warn({ err: error }, 'Redis unavailable: this node serves its own sockets only until it is back');
    for (const listener of listeners) listener(up);
  };
  const follow = (client: Client) => {
    client.on('ready', () => check());
    client.on('error', (error: unknown) => check(error));
    client.on('end', () => check());
    client.on('reconnecting', () => check());
  };
  follow(pub);
  void pub.connect().catch(() => undefined);
  const failed = (error: unknown) => log.debug({ err: error }, 'a Redis command failed');
  // The adapter connects the clients it opens; each is one more that must be up.
  const opened = (client: Client) => {
    clients.push(client);
    follow(client);
  };
  const adapter = createAdapter(alone(pub, failed, opened), { maxLen: STREAM_MAX_LENGTH });
  return {
    adapter,
    ready: () => up,
    onChange: (listener) => void listeners.push(listener),
    async close() {
      closing = true;
      for (const client of clients) client.destroy();
    },
  };
}
