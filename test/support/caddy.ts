import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, stop, type Service } from './cluster.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CADDY = '/usr/bin/caddy';
const DEPLOYMENT_CADDYFILE = join(ROOT, 'docs', 'deploy', 'Caddyfile');

/** Replaces the one place `find` stands in the guide's Caddyfile: a guide that changed shape fails here, loudly. */
function replaceOnce(text: string, find: string, replacement: string): string {
  const count = text.split(find).length - 1;
  if (count !== 1) throw new Error(`the deployment Caddyfile has ${count} × "${find}" where the test expects one`);
  return text.replace(find, replacement);
}

/**
 * The deployment guide's Caddyfile as it is, run on this machine: the compose services' names become the nodes' local
 * addresses, the ports free ones, and certificates come from Caddy's own local authority instead of Let's Encrypt,
 * still issued on demand and only for the names Portico allows.
 */
export function localCaddyfile(options: { nodes: number[]; httpsPort: number; httpPort: number; askPort: number; dataDir: string }): string {
  let text = readFileSync(DEPLOYMENT_CADDYFILE, 'utf8');
  const upstreams = options.nodes.map((port) => `127.0.0.1:${port}`).join(' ');
  text = text.split('portico-1:3000 portico-2:3000').join(upstreams);
  text = replaceOnce(text, '\n{\n', `\n{\n\tdebug\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n\thttp_port ${options.httpPort}\n\thttps_port ${options.httpsPort}\n\tstorage file_system ${options.dataDir}\n`);
  text = replaceOnce(text, 'http://127.0.0.1:8081/internal/tls/allowed', `http://127.0.0.1:${options.askPort}/internal/tls/allowed`);
  return replaceOnce(text, 'http://:8081 {', `http://:${options.askPort} {`);
}

/** A Caddy process of its own, in front of the given nodes, with its files in a temporary directory. */
export class TestCaddy {
  private constructor(
    private readonly service: Service,
    private readonly dir: string,
    readonly httpsPort: number,
  ) {}

  static async start(options: { nodes: number[]; httpsPort: number; httpPort: number; askPort: number }): Promise<TestCaddy> {
    const dir = mkdtempSync(join(tmpdir(), 'portico-caddy-'));
    const config = join(dir, 'Caddyfile');
    writeFileSync(config, localCaddyfile({ ...options, dataDir: join(dir, 'data') }));
    const service = await run(CADDY, ['run', '--config', config, '--adapter', 'caddyfile'], /serving initial configuration/, 'caddy', {
      HOME: dir,
      XDG_DATA_HOME: dir,
      XDG_CONFIG_HOME: dir,
      ACME_EMAIL: 'ops@example.com',
    });
    return new TestCaddy(service, dir, options.httpsPort);
  }

  /** The root of Caddy's local authority: a client that trusts it checks the certificates for real. */
  rootCertificate(): string {
    return readFileSync(join(this.dir, 'data', 'pki', 'authorities', 'local', 'root.crt'), 'utf8');
  }

  /** Where its log stands now, to read what it did from here on. */
  mark(): number {
    return this.service.output().length;
  }

  /** The upstreams Caddy sent requests to since `mark`, as `host:port` (its debug log names each one it selects). */
  selectedSince(mark: number): Set<string> {
    return new Set([...this.service.output().slice(mark).matchAll(/"msg":"selected upstream","dial":"([^"]+)"/g)].map((m) => m[1]!));
  }

  async close(): Promise<void> {
    await stop(this.service.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every name resolves to this machine, as DNS would send a tenant's hostname to the proxy. */
const toThisMachine: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

/** An HTTPS agent for one client of the proxy: it trusts Caddy's local authority and may come from its own address. */
export function proxyAgent(ca: string, localAddress?: string): Agent {
  return new Agent({ ca, lookup: toThisMachine, ...(localAddress ? { localAddress } : {}) });
}

export type ProxyAnswer = { status: number; body: any; cookies: string[]; certificateNames: string };

/** One HTTPS request through the proxy to `https://hostname:port/path`, the name sent in SNI and Host. */
export function throughProxy(
  agent: Agent,
  url: string,
  options: { method?: string; json?: unknown; cookie?: string } = {},
): Promise<ProxyAnswer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: options.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        const certificate = (res.socket as import('node:tls').TLSSocket).getPeerCertificate();
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]!);
          resolve({ status: res.statusCode ?? 0, body: parsed, cookies, certificateNames: certificate.subjectaltname ?? '' });
        });
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
