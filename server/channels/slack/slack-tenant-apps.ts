import express from 'express';
import { findTenantById, findTenantByHostname } from '../../../db/repositories/tenants.js';
import { loadTenantChatApps } from '../../../domain/chat-apps/load-tenant-chat-apps.js';
import type { SecretBox } from '../../../domain/secrets/secret-box.js';
import { hostnameOf } from '../../http/resolve-tenant.js';
import type { ChannelOutbound } from '../channel-outbound.js';
import { TenantApps } from '../tenant-apps.js';
import { SLACK_EVENTS_PATH, slackChannel, type SlackChannelDeps } from './slack-channel.js';

/** A Slack app; a tenant's own also says where its Socket Mode connection is opened when it has an app-level token. */
export type SlackApp = ReturnType<typeof slackChannel> & { socketMode?: { appToken: string; apiUrl: string } };

/**
 * The Slack apps of the install: a tenant's own, from its console settings, and the one configured by environment.
 * A tenant's Slack app has its Request URL on that tenant's portal host, so a request's hostname names the app that
 * checks its signature and answers it; on a host whose tenant has no app of its own, the environment's app does.
 */
export function slackApps(deps: Omit<SlackChannelDeps, 'tenant'> & { secrets: SecretBox | undefined; fallback: ChannelOutbound }) {
  const { pool, logger, secrets, fallback, ...channelDeps } = deps;
  const apps = new TenantApps<SlackApp>(
    async (tenantId) => {
      const { slack, unreadable } = await loadTenantChatApps(pool, secrets, tenantId);
      if (unreadable.length > 0) logger.warn({ tenantId, fields: unreadable }, "the tenant's chat app secrets cannot be opened with this server's key");
      const tenant = slack && (await findTenantById(pool, tenantId));
      if (!tenant) return undefined;
      const app = slackChannel(slack, { ...channelDeps, pool, logger, tenant: { id: tenant.id, name: tenant.name } });
      return slack.appToken ? { ...app, socketMode: { appToken: slack.appToken, apiUrl: slack.apiUrl } } : app;
    },
    fallback,
    logger,
  );
  const router = express.Router();
  router.post(SLACK_EVENTS_PATH, (req, res, next) => {
    const hostname = hostnameOf(req.headers.host);
    void (hostname ? findTenantByHostname(pool, hostname) : Promise.resolve(undefined))
      .then((tenant) => apps.serving(tenant?.id))
      .then((app) => (app?.router ? app.router(req, res, next) : next()))
      .catch(next);
  });
  return { apps, router };
}
