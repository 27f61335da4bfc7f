import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A load balancer's front in miniature: one port for the clients, each new connection forwarded to the node the test
 * names at that moment; `cut` drops the open ones the way a network does, so their clients see the connection lost.
 */
export class TcpProxy {
  private target: number;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    target: number,
  ) {
    this.target = target;
  }

  static async start(target: number): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const proxy = new TcpProxy(server, (server.address() as { port: number }).port, target);
    server.on('connection', (client) => proxy.forward(client));
    return proxy;
  }

  /** Where the next connections go; the open ones stay where they are. */
  sendTo(port: number): void {
    this.target = port;
  }

  /** Drops every open connection at once, with no goodbye on either side. */
  cut(): void {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket): void {
    const upstream = connect(this.target, '127.0.0.1');
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.open.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        this.open.delete(socket);
        other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
