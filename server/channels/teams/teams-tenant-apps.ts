import express from 'express';
import { loadTenantChatApps } from '../../../domain/chat-apps/load-tenant-chat-apps.js';
import type { SecretBox } from '../../../domain/secrets/secret-box.js';
import type { ChannelOutbound } from '../channel-outbound.js';
import { TenantApps } from '../tenant-apps.js';
import { TeamsChannel, type TeamsChannelDeps } from './teams-channel.js';

export type TeamsApp = { router: express.Router; outbound: ChannelOutbound };

export function teamsApp(channel: TeamsChannel): TeamsApp {
  return { router: channel.routes(), outbound: channel.outbound() };
}

/**
 * The Teams bots of the install: a tenant's own app registration, from its console settings, checks the tokens of the
 * requests to that tenant's hostname and sends its replies; tenants without one are served by the registration
 * configured by environment.
 */
export function teamsApps(deps: Omit<TeamsChannelDeps, 'settings'> & { secrets: SecretBox | undefined; fallback: ChannelOutbound }) {
  const { secrets, fallback, ...channelDeps } = deps;
  const apps = new TenantApps<TeamsApp>(
    async (tenantId) => {
      const { teams, unreadable } = await loadTenantChatApps(deps.pool, secrets, tenantId);
      if (unreadable.length > 0) deps.logger.warn({ tenantId, fields: unreadable }, "the tenant's chat app secrets cannot be opened with this server's key");
      return teams ? teamsApp(new TeamsChannel({ ...channelDeps, settings: teams })) : undefined;
    },
    fallback,
    deps.logger,
  );
  const router = express.Router();
  router.post('/teams/messages', (req, res, next) => {
    void apps
      .serving(req.tenant?.id)
      .then((app) => (app ? app.router(req, res, next) : next()))
      .catch(next);
  });
  return { apps, router };
}
