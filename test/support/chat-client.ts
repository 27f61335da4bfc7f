import { io, type Socket } from 'socket.io-client';
import type { HttpClient } from './http-client.js';

export type ChatEvent = { event: string; payload: any };

/** A socket.io client on /portal (or another namespace) with the session of an HttpClient, recording every event it receives. */
export class ChatClient {
  readonly events: ChatEvent[] = [];
  private waiters: { test: (e: ChatEvent) => boolean; resolve: (e: ChatEvent) => void }[] = [];

  private constructor(readonly socket: Socket) {
    // Listening before the connection opens: the server may send the restored conversation right away.
    socket.onAny((event: string, payload: unknown) => {
      const entry = { event, payload };
      this.events.push(entry);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(entry)) return true;
        w.resolve(entry);
        return false;
      });
    });
  }

  static async connect(port: number, http: HttpClient | undefined, options: { host?: string; headers?: Record<string, string>; namespace?: string } = {}): Promise<ChatClient> {
    const cookie = http?.cookie('portico_session');
    const socket = io(`http://127.0.0.1:${port}${options.namespace ?? '/portal'}`, {
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      reconnection: false,
      extraHeaders: { host: options.host ?? '127.0.0.1', ...(cookie ? { cookie: `portico_session=${cookie}` } : {}), ...options.headers },
    });
    const client = new ChatClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
      socket.connect();
    });
    return client;
  }

  emit(event: string, payload: unknown, timeoutMs = 10_000): Promise<any> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload);
  }

  /** The first event, already received or still to come, that passes the test. */
  waitFor(event: string, test: (payload: any) => boolean = () => true, timeoutMs = 15_000): Promise<any> {
    const seen = this.events.find((e) => e.event === event && test(e.payload));
    if (seen) return Promise.resolve(seen.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms; got ${this.events.map((e) => e.event).join(', ')}`)), timeoutMs);
      this.waiters.push({
        test: (e) => e.event === event && test(e.payload),
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e.payload);
        },
      });
    });
  }

  /** Sends a message and waits for the assistant's stored answer to it. */
  async ask(text: string, conversationId?: string): Promise<{ ack: any; answer: any }> {
    const ack = await this.emit('chat:send', conversationId ? { conversationId, text } : { text });
    if (ack.error) return { ack, answer: undefined };
    const answer = await this.waitFor(
      'chat:message',
      (p) => p.conversationId === ack.conversationId && p.message.role === 'assistant' && !this.claimed.has(p.message.id),
      45_000,
    );
    this.claimed.add(answer.message.id);
    return { ack, answer };
  }

  private readonly claimed = new Set<string>();

  /**
   * Connects again after the connection dropped, as socket.io does by itself: with the session it had, so the server
   * may give it back with what it missed. Resolves with whether it did, or rejects with the refusal.
   */
  async reconnect(): Promise<boolean> {
    await new Promise<void>((resolve, reject) => {
      const refused = (error: Error) => {
        this.socket.off('connect', connected);
        reject(error);
      };
      const connected = () => {
        this.socket.off('connect_error', refused);
        resolve();
      };
      this.socket.once('connect', connected);
      this.socket.once('connect_error', refused);
      this.socket.connect();
    });
    return this.socket.recovered;
  }

  /** Resolves once the connection is gone, as the client saw it. */
  dropped(): Promise<string> {
    if (!this.socket.connected) return Promise.resolve('already disconnected');
    return new Promise((resolve) => this.socket.once('disconnect', (reason) => resolve(reason)));
  }

  close(): void {
    this.socket.disconnect();
  }
}
