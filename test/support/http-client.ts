import { request } from 'node:http';

export type HttpAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: any; text: string; bytes: Buffer };

/**
 * A small HTTP client with a cookie jar; node:http rather than fetch because tests need to
 * choose the Host header (which tenant) and send raw, malformed bodies.
 */
export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(
    readonly port: number,
    readonly host = '127.0.0.1',
  ) {}

  send(
    method: string,
    path: string,
    options: { json?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> {
    const body = options.raw ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined);
    const headers: Record<string, string> = {
      host: this.host,
      accept: 'application/json',
      ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      ...options.headers,
    };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const line of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
            const [pair] = line.split(';');
            const [name, value] = pair!.split('=');
            if (!value) this.cookies.delete(name!);
            else this.cookies.set(name!, value);
          }
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // Not JSON (an HTML page, say): the raw text is in `text`.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text, bytes });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  get(path: string, headers?: Record<string, string>) {
    return this.send('GET', path, { headers });
  }
  post(path: string, json?: unknown) {
    return this.send('POST', path, json === undefined ? {} : { json });
  }
  patch(path: string, json: unknown) {
    return this.send('PATCH', path, { json });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async login(username: string, password = 'portico-demo'): Promise<HttpAnswer> {
    const answer = await this.post('/api/v1/auth/login', { username, password });
    if (answer.status !== 200) throw new Error(`login of ${username} failed: ${answer.status} ${answer.text}`);
    return answer;
  }
}

export const DEMO = {
  tech: 'tech@demo.portico.local',
  anna: 'anna.bianchi@acmedental.example',
  tom: 'tom.baker@acmedental.example',
  luc: 'luc.martin@rossilogistics.example',
} as const;

export async function loggedIn(port: number, username: string, host?: string): Promise<HttpClient> {
  const client = new HttpClient(port, host);
  await client.login(username);
  return client;
}

export type DemoClients = Record<keyof typeof DEMO, HttpClient>;

/** Each demo login signed in on its own client. */
export async function demoClients(port: number): Promise<DemoClients> {
  const [tech, anna, tom, luc] = await Promise.all([loggedIn(port, DEMO.tech), loggedIn(port, DEMO.anna), loggedIn(port, DEMO.tom), loggedIn(port, DEMO.luc)]);
  return { tech: tech!, anna: anna!, tom: tom!, luc: luc! };
}
