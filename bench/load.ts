import { Agent, request } from 'node:http';

export type LoadResult = { latencies: number[]; errors: number; seconds: number };

/**
 * `concurrency` clients on keep-alive connections. Without `intervalMs` each sends its requests back to back
 * (a closed loop: latency then grows with the queue). With it, each client sends one request per interval,
 * like a user clicking, and latency counts from the planned send time, so a stalled server is not hidden.
 */
export async function runLoad(options: {
  port: number;
  concurrency: number;
  requestsPerClient: number;
  intervalMs?: number;
  makeRequest: (client: number, i: number) => { method: string; path: string; body?: string; cookie?: string };
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const once = (spec: { method: string; path: string; body?: string; cookie?: string }, started: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: options.port,
          method: spec.method,
          path: spec.path,
          agent,
          headers: {
            host: 'localhost',
            ...(spec.cookie ? { cookie: spec.cookie } : {}),
            ...(spec.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(spec.body) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode && res.statusCode < 400 ? resolve(performance.now() - started) : reject(new Error(String(res.statusCode)))));
        },
      );
      req.on('error', reject);
      if (spec.body) req.write(spec.body);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, client) => {
      const interval = options.intervalMs ?? 0;
      // Spread the clients' first requests over one interval so they do not all fire at once.
      const first = started + (interval * client) / options.concurrency;
      for (let i = 0; i < options.requestsPerClient; i++) {
        const planned = interval ? first + i * interval : performance.now();
        const wait = planned - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          latencies.push(await once(options.makeRequest(client, i), planned));
        } catch {
          errors++;
        }
      }
    }),
  );
  agent.destroy();
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}
