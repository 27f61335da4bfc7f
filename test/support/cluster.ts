import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitOf, spawnPortico, type SpawnedPortico } from './spawn-portico.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REDIS_SERVER = '/usr/bin/redis-server';

/** Each node's pool is 10 connections; the shared server takes them all and some to spare. */
const POOL_SIZE = 10;

export type Service = { child: ChildProcess; output: () => string };

/** Starts a server process and resolves once its output matches `ready`; rejects if it exits or takes over 30 s. */
export function run(command: string, args: string[], ready: RegExp, what: string, env: Record<string, string> = {}): Promise<Service> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await exitOf(child);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A redis-server of its own on a free port, with its files in a temporary directory; stop and start it again at will. */
export class TestRedis {
  private service: Service | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort(), mkdtempSync(join(tmpdir(), 'portico-redis-')));
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it again on its port; a server already running is left as it is. */
  async resume(): Promise<void> {
    if (this.service) return;
    this.service = await run(
      REDIS_SERVER,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'no'],
      /Ready to accept connections/,
      'redis-server',
    );
  }

  async pause(): Promise<void> {
    if (this.service) await stop(this.service.child);
    this.service = undefined;
  }

  async close(): Promise<void> {
    await this.pause();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export type ClusterNode = SpawnedPortico & { url: string };

/**
 * Several Portico processes sharing one database (a PGlite over TCP) and one Redis, started together on free ports
 * like `npm start` with `DATABASE_URL`, `REDIS_URL` and `PORTICO_SEED=demo`; `close` stops them all and the servers.
 */
export class TestCluster {
  readonly nodes: ClusterNode[] = [];
  private database: Service | undefined;

  private constructor(
    private readonly databasePort: number,
    readonly redis: TestRedis,
    private readonly dir: string,
    private readonly maxConnections: number,
    private readonly env: Record<string, string>,
  ) {}

  static async start(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
    const redis = await TestRedis.start();
    const cluster = new TestCluster(await freePort(), redis, mkdtempSync(join(tmpdir(), 'portico-cluster-')), POOL_SIZE * (count + 1) + 4, env);
    try {
      await cluster.startDatabase();
      await Promise.all(Array.from({ length: count }, () => cluster.addNode()));
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  get databaseUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.databasePort}/postgres`;
  }

  /** Starts the shared database, or starts it again on its port with the data it had when it stopped. */
  async startDatabase(): Promise<void> {
    this.database = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test', 'support', 'pglite-server.ts'), String(this.maxConnections), String(this.databasePort), join(this.dir, 'database.tar')],
      /pglite listening on/,
      'the shared PGlite',
    );
  }

  async stopDatabase(): Promise<void> {
    if (this.database) await stop(this.database.child);
    this.database = undefined;
  }

  /** One more node on the same database and Redis. */
  async addNode(): Promise<ClusterNode> {
    const node = await spawnPortico(this.dir, {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      PORTICO_SEED: 'demo',
      ...this.env,
    });
    const added = { ...node, url: `http://127.0.0.1:${node.port}` };
    this.nodes.push(added);
    return added;
  }

  async close(): Promise<void> {
    await Promise.all(this.nodes.map((node) => stop(node.child)));
    await this.redis.close();
    // Nothing of it is needed any more: no dump.
    if (this.database) await stop(this.database.child, 'SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
