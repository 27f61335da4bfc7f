import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitOf, spawnPortico } from '../test/support/spawn-portico.js';
import { HttpClient } from '../test/support/http-client.js';
import { runLoad } from './load.js';
import { summarize } from './stats.js';
import type { BenchRow } from './report.js';

const DEMO_USERS = ['tom.baker@acmedental.example', 'anna.bianchi@acmedental.example', 'luc.martin@rossilogistics.example'];

async function stop(child: import('node:child_process').ChildProcess) {
  child.kill('SIGTERM');
  await exitOf(child);
}

/** Start-to-ready on a fresh and an existing data directory, then login and ticket-list latency at 50 concurrent clients. */
export async function benchFoundation(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const fresh: number[] = [];
  const existing: number[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = join(mkdtempSync(join(tmpdir(), 'portico-bench-')), 'data');
    dirs.push(dir);
    const first = await spawnPortico(dir);
    fresh.push(first.readyMs);
    await stop(first.child);
  }
  for (let i = 0; i < 5; i++) {
    const again = await spawnPortico(dirs[0]!);
    existing.push(again.readyMs);
    await stop(again.child);
  }
  rows.push({ group: 'start', name: 'ready, fresh data dir (ms)', ...summarize(fresh), target: '—' });
  rows.push({ group: 'start', name: 'ready, existing data dir (ms)', ...summarize(existing), target: 'p50 < 2000' });

  const server = await spawnPortico(dirs[0]!, { LOG_LEVEL: 'warn' });
  try {
    const concurrency = 50;
    // One address may have 30 sign-ins in flight in a throttle window (each success gives its attempt back): the bench
    // signs in from one address, so it stays under that, as a whole office behind one NAT would.
    const loginConcurrency = 10;
    const login = await runLoad({
      port: server.port,
      concurrency: loginConcurrency,
      requestsPerClient: 30,
      makeRequest: (client) => ({
        method: 'POST',
        path: '/api/v1/auth/login',
        body: JSON.stringify({ username: DEMO_USERS[client % DEMO_USERS.length], password: 'portico-demo' }),
      }),
    });
    rows.push({ group: 'http', name: `login, ${loginConcurrency} concurrent from one address (ms)`, ...summarize(login.latencies), errors: login.errors, rps: Math.round(login.latencies.length / login.seconds), target: '—' });

    const cookies: string[] = [];
    for (const user of DEMO_USERS) {
      const client = new HttpClient(server.port, 'localhost');
      await client.login(user);
      cookies.push(`portico_session=${client.cookie('portico_session')}`);
    }
    // Warm-up, then the measured run.
    const list = (requestsPerClient: number, intervalMs?: number) =>
      runLoad({
        port: server.port,
        concurrency,
        requestsPerClient,
        intervalMs,
        makeRequest: (client) => ({ method: 'GET', path: '/api/v1/tickets', cookie: cookies[client % cookies.length] }),
      });
    await list(10);
    const paced = await list(40, 200);
    rows.push({ group: 'http', name: `ticket list, ${concurrency} users, 1 req/200 ms each (ms)`, ...summarize(paced.latencies), errors: paced.errors, rps: Math.round(paced.latencies.length / paced.seconds), target: 'p95 < 20' });
    const saturated = await list(60);
    rows.push({ group: 'http', name: `ticket list, ${concurrency} back-to-back (ms)`, ...summarize(saturated.latencies), errors: saturated.errors, rps: Math.round(saturated.latencies.length / saturated.seconds), target: 'max rps' });
  } finally {
    await stop(server.child);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
