import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';

/** What the proxies below use of a client. */
type Commands = {
  isReady: boolean;
  publish(channel: string, message: string): Promise<number>;
  sendCommand(args: string[]): Promise<unknown>;
};

/** Redis as the nodes' meeting point: the socket.io adapter's two connections, and whether they are up. */
export type RedisLink = {
  adapter: ReturnType<typeof createAdapter>;
  /** Both connections are up: what one node emits reaches the others. */
  ready(): boolean;
  /** Called with true when both connections are up again, false when one dropped. */
  onChange(listener: (up: boolean) => void): void;
  close(): Promise<void>;
};

const RECONNECT_MAX_MS = 2_000;

/**
 * The adapter sends without waiting for an answer and asks how many nodes listen before it waits for theirs. While
 * Redis is away, a send is dropped (this node's own sockets were served already) and the answer is "this node
 * alone", so nothing waits on Redis and no rejection goes unheard.
 */
function alone<C extends Commands>(client: C, failed: (error: unknown) => void): C {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'publish') {
        return (channel: string, message: string) =>
          target.isReady ? target.publish(channel, message).catch((error: unknown) => (failed(error), 0)) : Promise.resolve(0);
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
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

/** Subscriptions are made again by the client when it reconnects; one lost with the connection is not an error. */
function resubscribing<C extends object>(client: C, failed: (error: unknown) => void): C {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (typeof property !== 'string' || !/subscribe$/i.test(property)) return bound;
      return (...args: unknown[]) => (bound(...args) as Promise<unknown>).catch(failed);
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
  const pub = createClient({ ...options, disableOfflineQueue: true });
  const sub = createClient(options);
  const listeners: ((up: boolean) => void)[] = [];
  let up = false;
  let closing = false;
  const check = (error?: unknown) => {
    const now = pub.isReady && sub.isReady;
    if (now === up || closing) return;
    up = now;
    if (up) log.info('Redis connected: events reach the other nodes');
    else log.warn({ err: error }, 'Redis unavailable: this node serves its own sockets only until it is back');
    for (const listener of listeners) listener(up);
  };
  for (const client of [pub, sub]) {
    client.on('ready', () => check());
    client.on('error', (error: unknown) => check(error));
    client.on('end', () => check());
    client.on('reconnecting', () => check());
    void client.connect().catch(() => undefined);
  }
  const failed = (error: unknown) => log.debug({ err: error }, 'a Redis command failed');
  const adapter = createAdapter(alone(pub, failed), resubscribing(sub, failed));
  return {
    adapter,
    ready: () => up,
    onChange: (listener) => void listeners.push(listener),
    async close() {
      closing = true;
      pub.destroy();
      sub.destroy();
    },
  };
}
