import type { Logger } from 'pino';
import type { ChannelOutbound, ConversationTo } from './channel-outbound.js';

/** A chat app serving one tenant: its outbound, and what answers its requests. */
export type ServingApp = { outbound: ChannelOutbound };

/**
 * The apps of one chat channel (Slack, Teams): each tenant's own, built from its console settings when first needed and
 * kept until they change (`forget`, also called when another node saw the change), and the install's app configured by
 * environment, which serves every tenant without an app of its own, as before tenants could configure one. As an
 * outbound it hands each conversation to the app of its tenant.
 */
export class TenantApps<A extends ServingApp> implements ChannelOutbound {
  private readonly built = new Map<string, Promise<A | undefined>>();
  private environment: A | undefined;

  constructor(
    private readonly build: (tenantId: string) => Promise<A | undefined>,
    /** Where a conversation goes when no app serves its tenant any more: the user still reads it in the portal. */
    private readonly fallback: ChannelOutbound,
    private readonly logger: Logger,
  ) {}

  /** The app configured by environment (`SLACK_*`, `MICROSOFT_APP_*`). */
  useEnvironmentApp(app: A): void {
    this.environment = app;
  }

  /** The app that serves a tenant: its own when it has one enabled, else the environment's. */
  async serving(tenantId: string | undefined): Promise<A | undefined> {
    return (tenantId ? await this.own(tenantId) : undefined) ?? this.environment;
  }

  /** Drops the tenant's app; the next request or message builds it again from its settings. */
  forget(tenantId: string): void {
    this.built.delete(tenantId);
  }

  /** The tenant's own app, built from its settings if need be; none when it has none enabled. */
  own(tenantId: string): Promise<A | undefined> {
    let app = this.built.get(tenantId);
    if (!app) {
      app = this.build(tenantId);
      this.built.set(tenantId, app);
      // A failed build (the database away) is tried again by the next request.
      app.catch((error: unknown) => {
        if (this.built.get(tenantId) === app) this.built.delete(tenantId);
        this.logger.error({ err: error, tenantId }, 'chat app could not be built');
      });
    }
    return app;
  }

  /** Every call of a conversation waits for the same app, so its messages keep their order. */
  private async relay(to: ConversationTo, say: (outbound: ChannelOutbound) => void | Promise<void>): Promise<void> {
    const app = await this.serving(to.tenantId);
    await say(app?.outbound ?? this.fallback);
  }

  typing(to: ConversationTo, typing: boolean) {
    return this.relay(to, (o) => o.typing(to, typing));
  }
  delta(to: ConversationTo, messageId: string, delta: string) {
    return this.relay(to, (o) => o.delta(to, messageId, delta));
  }
  message(...args: Parameters<ChannelOutbound['message']>) {
    return this.relay(args[0], (o) => o.message(...args));
  }
  handoff(...args: Parameters<ChannelOutbound['handoff']>) {
    return this.relay(args[0], (o) => o.handoff(...args));
  }
  action(...args: Parameters<ChannelOutbound['action']>) {
    return this.relay(args[0], (o) => o.action(...args));
  }
  actionUpdate(...args: Parameters<ChannelOutbound['actionUpdate']>) {
    return this.relay(args[0], (o) => o.actionUpdate(...args));
  }
  failed(to: ConversationTo) {
    return this.relay(to, (o) => o.failed(to));
  }
}
