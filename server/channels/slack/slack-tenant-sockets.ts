import type pg from 'pg';
import type { Logger } from 'pino';
import { listSlackSocketModeTenants } from '../../../db/repositories/chat-apps.js';
import type { TenantApps } from '../tenant-apps.js';
import { startSlackSocketMode } from './slack-socket-mode.js';
import type { SlackApp } from './slack-tenant-apps.js';

/**
 * The Socket Mode connections of the tenants' own Slack apps: one for each tenant whose app is on and has an
 * app-level token, its envelopes handled by that tenant's app. A change of the tenant's chat apps (here or on another
 * node) closes its connection and opens one again from the new settings, if it still has them.
 *
 * Every node opens its own connection and no lock is taken: Slack spreads an app's envelopes over its open connections
 * (up to 10), each envelope to one of them, so several nodes share the work rather than answer twice.
 */
export class SlackTenantSockets {
  private readonly open = new Map<string, () => Promise<void>>();
  /** Each tenant's changes, followed one after the other, so a connection is closed before its successor opens. */
  private readonly following = new Map<string, Promise<void>>();
  private started = false;
  private closed = false;

  constructor(
    private readonly apps: TenantApps<SlackApp>,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  /** Opens the connections of the tenants configured so far; those configured later open on their change. */
  async start(): Promise<void> {
    this.started = true;
    try {
      for (const tenantId of await listSlackSocketModeTenants(this.pool)) this.changed(tenantId);
    } catch (error) {
      this.logger.error({ err: error }, "the tenants' Slack Socket Mode settings could not be read: their connections open on their next change");
    }
  }

  /** The tenant's chat apps changed: its connection follows, after the app is forgotten so that it is built anew. */
  changed(tenantId: string): void {
    if (!this.started || this.closed) return;
    const previous = this.following.get(tenantId) ?? Promise.resolve();
    const next = previous.then(() => this.follow(tenantId));
    this.following.set(tenantId, next);
    void next
      .catch((error: unknown) => this.logger.error({ err: error, tenantId }, "the tenant's Slack Socket Mode connection could not follow its settings"))
      .finally(() => {
        if (this.following.get(tenantId) === next) this.following.delete(tenantId);
      });
  }

  /** Closes every connection for good, once the changes under way are done. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.following.values());
    const stops = [...this.open.values()];
    this.open.clear();
    await Promise.all(stops.map((stop) => stop()));
  }

  private async follow(tenantId: string): Promise<void> {
    const stop = this.open.get(tenantId);
    this.open.delete(tenantId);
    await stop?.();
    if (this.closed) return;
    const app = await this.apps.own(tenantId);
    if (!app?.socketMode || this.closed) return;
    const logger = this.logger.child({ tenantId });
    this.open.set(tenantId, startSlackSocketMode({ ...app.socketMode, logger }, app.dispatch));
  }
}
