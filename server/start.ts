import { randomUUID } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import { Server as SocketServer } from 'socket.io';
import { createAssistantEngine, warmUpAssistant } from '../assistant/create-engine.js';
import type { AssistantEngine } from '../assistant/engine.js';
import type { Config } from '../config/env.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { cachePortalConfig, forgetPortalConfig, stopCachingPortalConfig } from '../domain/settings/load-settings.js';
import { createApp, type AppDeps } from './app.js';
import { buildWidget, type WidgetBundle } from './http/widget-bundle.js';
import { seedDemo } from './demo-seed.js';
import { createKnowledgeBase } from './knowledge-base.js';
import { reindexWhenEmbedderChanged } from './jobs/kb-reindex-job.js';
import { PortalEvents } from './realtime/portal-events.js';
import { portalNamespace } from './realtime/portal-namespace.js';
import { markAllDevicesOffline, markDevicesHeld } from '../db/repositories/devices.js';
import { CodeSendLimiter } from '../domain/verification/code-send-limiter.js';
import { setCreationLimits, type CreationLimits } from '../domain/limits/creation-limits.js';
import { createSmsSender } from './channels/sms/create-sms-sender.js';
import { EmailDelivery } from './channels/email/email-delivery.js';
import { SmtpEmailSender } from './channels/email/smtp-email-sender.js';
import { startInboundMail, type InboundMail } from './channels/email/inbound-smtp-server.js';
import { announceReceivedEmail } from './channels/email/inbound-message.js';
import { startTicketNotifications } from './channels/email/ticket-notifications.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../domain/email/deliver-due-emails.js';
import { socketCors } from './http/embed-cors.js';
import { loadSecretBox } from './secret-key.js';
import { leadDemoAgents, startDemoAgents } from './demo-agents.js';
import { readinessCheck } from './http/readiness.js';
import { connectRedis, type RedisLink } from './realtime/cluster.js';
import { CONNECTION_STATE_RECOVERY } from './realtime/recovery.js';
import { ActionDelivery } from './realtime/action-delivery.js';
import { agentsNamespace, heldDeviceIds } from './realtime/agents-namespace.js';
import { holdNodeLease } from './node-lease.js';
import { startTicketDelivery } from './realtime/ticket-delivery.js';
import type { CnameResolver } from '../domain/portal/cname-check.js';
import { startConversationDelivery } from './realtime/conversation-delivery.js';
import { consoleNamespace } from './realtime/console-namespace.js';
import { ChannelChats } from './channels/channel-chats.js';
import { ChannelOutbounds } from './channels/channel-outbound.js';
import { widgetOutbound } from './channels/widget-outbound.js';
import { slackChannel } from './channels/slack/slack-channel.js';
import { startSlackSocketMode, type SlackDispatch } from './channels/slack/slack-socket-mode.js';
import { TeamsChannel, type TeamsCloud } from './channels/teams/teams-channel.js';
import { teamsApp, teamsApps } from './channels/teams/teams-tenant-apps.js';
import { slackApps } from './channels/slack/slack-tenant-apps.js';
import { SlackTenantSockets } from './channels/slack/slack-tenant-sockets.js';
import { actionSteps } from './realtime/action-steps.js';
import { findTenantById, listTenants } from '../db/repositories/tenants.js';
import { createJobQueue } from './jobs/create-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import { schedulePeriodicJobs } from './jobs/background-jobs.js';
import { retryingSmsSender } from './jobs/retrying-sms-sender.js';

export type RunningPortico = {
  url: string;
  port: number;
  db: Database;
  server: Server;
  seeded: boolean;
  /** The inbound mail listener's port, when `PORTICO_SMTP_PORT` is set. */
  smtpPort?: number;
  /** Stops accepting, lets requests in flight finish, then closes the database and releases the lock. */
  close(): Promise<void>;
};

export type StartOptions = Pick<AppDeps, 'validateResponses' | 'loginLimits' | 'identityFailuresPerAddress'> & {
  host?: string;
  /** Replaces the engine chosen from the configuration; the bench measures the server with a zero-latency one. */
  engine?: AssistantEngine;
  /** How often sockets are checked for a session that ended elsewhere or by time. */
  sessionSweepMs?: number;
  /** Other allowances of new conversations and tickets per user than the policy's. */
  creationLimits?: CreationLimits;
  /** Rebuilds the portal UI when its sources change (development). */
  watchWidget?: boolean;
  /**
   * Serves a portal UI already built by `buildWidget` from this directory rather than building one at start: a test
   * run builds it once for the hundred servers it starts. The directory stays its owner's.
   */
  widgetDir?: string;
  /** Another wait before an email's first retry than the policy's minute, and how often the email queue is looked at. */
  emailRetry?: RetryPolicy;
  emailSweepMs?: number;
  /** Answers the CNAME lookups of custom hostnames instead of the system's DNS, and how often due hostnames are checked. */
  resolver?: CnameResolver;
  hostnameSweepMs?: number;
  /** Another wait than two minutes before a technician's chats go back to the assistant when their console closed. */
  takeoverGraceMs?: number;
  /** Another Bot Framework than Azure's public cloud for the Teams channel (a test's local connector). */
  teamsCloud?: TeamsCloud;
};

/** The tenant that channels configured by environment serve: the demo tenant, or the install's only one. */
async function channelTenant(pool: Database['pool'], demoTenantId: string | undefined): Promise<{ id: string; name: string } | undefined> {
  if (demoTenantId) return findTenantById(pool, demoTenantId);
  const tenants = await listTenants(pool);
  return tenants.length === 1 ? tenants[0] : undefined;
}

export async function startPortico(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningPortico> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let widget: WidgetBundle | undefined;
  let email: EmailDelivery | undefined;
  let inboundMail: InboundMail | undefined;
  let redis: RedisLink | undefined;
  let jobs: JobQueue | undefined;
  try {
    const migrations = await migrate(db.pool);
    if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'database migrated');
    const kb = createKnowledgeBase(db.pool, config.openai);
    const seed = config.seed === 'demo' ? await seedDemo(kb, config.baseDomain) : undefined;
    const seeded = seed?.seeded ?? false;
    if (seed?.articles) logger.info({ articles: seed.articles.imported, chunks: seed.articles.chunks }, 'demo knowledge base imported');

    redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
    jobs = createJobQueue(config.redisUrl, logger);
    void reindexWhenEmbedderChanged(jobs, kb, logger).catch((error: unknown) => logger.error({ err: error }, 'checking the knowledge-base embedder failed'));
    if (db.mode === 'embedded') cachePortalConfig(db.pool);
    // Another node's settings change reaches this one through Redis; while Redis is away, every read goes to the database.
    redis?.onChange((up) => (up ? cachePortalConfig(db.pool) : stopCachingPortalConfig(db.pool)));
    const {
      engine: engineOverride,
      sessionSweepMs,
      creationLimits,
      watchWidget,
      widgetDir,
      emailRetry,
      emailSweepMs,
      resolver: resolverOverride,
      hostnameSweepMs,
      takeoverGraceMs,
      teamsCloud,
      ...appOptions
    } = options;
    const resolver = resolverOverride ?? new Resolver({ timeout: 5_000, tries: 2 });
    let uiDir = widgetDir;
    if (!uiDir) {
      widget = await buildWidget({ logger, watch: watchWidget });
      uiDir = widget.dir;
    }
    if (creationLimits) setCreationLimits(db.pool, creationLimits);
    const events = new PortalEvents();
    const sms = retryingSmsSender(createSmsSender(config, db.pool), jobs, logger);
    const verification = { sms, codeLimiter: new CodeSendLimiter(db.pool) };
    const deliverWithinSeconds = config.actionExpirySeconds;
    const secrets = loadSecretBox(config, logger);
    email = new EmailDelivery({
      pool: db.pool,
      logger,
      sender: config.smtpUrl ? new SmtpEmailSender(config.smtpUrl) : undefined,
      retry: emailRetry ?? DEFAULT_RETRY_POLICY,
      jobs,
      everyMs: emailSweepMs ?? 15_000,
    });
    const integrations = express.Router();
    const tenantIntegrations = express.Router();
    const app = createApp({
      pool: db.pool,
      kb,
      logger,
      trustProxy: config.trustProxy,
      events,
      verification,
      deliverWithinSeconds,
      secrets,
      email,
      widgetDir: uiDir,
      resolver,
      integrations,
      tenantIntegrations,
      readiness: readinessCheck(db.pool, redis, jobs),
      inboundEmail: { secret: config.inboundEmailSecret, embedded: db.mode === 'embedded' },
      ...appOptions,
    });
    const server = createServer(app);
    const io = new SocketServer(server, {
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      cors: socketCors(db.pool),
      connectionStateRecovery: CONNECTION_STATE_RECOVERY,
      ...(redis ? { adapter: redis.adapter } : {}),
    });
    if (redis) {
      events.on('settingsChanged', (tenantId) => io.serverSideEmit('settings:changed', tenantId));
      io.on('settings:changed', (tenantId: string) => forgetPortalConfig(db.pool, tenantId));
    }
    const engine = engineOverride ?? createAssistantEngine(config, { pool: db.pool, logger });
    warmUpAssistant(logger);
    const channels = new ChannelOutbounds(db.pool, logger, widgetOutbound(io));
    const chats = new ChannelChats({ pool: db.pool, kb, engine, logger, events, channels });
    const steps = actionSteps({ pool: db.pool, events, verification, deliverWithinSeconds });
    const teams = teamsApps({ pool: db.pool, logger, chats, steps, verification, cloud: teamsCloud, secrets, fallback: channels.widget });
    if (config.teams) {
      teams.apps.useEnvironmentApp(teamsApp(new TeamsChannel({ pool: db.pool, logger, chats, steps, verification, settings: config.teams, cloud: teamsCloud })));
    }
    channels.register('teams', teams.apps);
    tenantIntegrations.use(teams.router);
    const delivery = new ActionDelivery(io, db.pool, logger, events, channels);
    startTicketDelivery(io, db.pool, logger, events);
    const stopConversationDelivery = startConversationDelivery(io, db.pool, logger, events, channels, redis !== undefined);
    startTicketNotifications(db.pool, logger, events, email);
    const portal = portalNamespace(io, { pool: db.pool, logger, events, verification, deliverWithinSeconds, chats });
    const slack = slackApps({ pool: db.pool, logger, chats, steps, verification, secrets, fallback: channels.widget });
    let slackSocket: { appToken: string; apiUrl: string; dispatch: SlackDispatch } | undefined;
    if (config.slack) {
      const tenant = await channelTenant(db.pool, seed?.tenantId);
      if (tenant) {
        const environmentApp = slackChannel(config.slack, { pool: db.pool, logger, chats, steps, verification, tenant });
        slack.apps.useEnvironmentApp(environmentApp);
        if (config.slack.appToken) slackSocket = { appToken: config.slack.appToken, apiUrl: config.slack.apiUrl, dispatch: environmentApp.dispatch };
      } else logger.warn('SLACK_BOT_TOKEN is set but there are several tenants and no demo tenant: Slack stays off');
    }
    channels.register('slack', slack.apps);
    integrations.use(slack.router);
    const slackSockets = new SlackTenantSockets(slack.apps, db.pool, logger);
    // A tenant's chat apps are rebuilt from its settings once they change, here or on another node.
    const forgetChatApps = (tenantId: string) => {
      slack.apps.forget(tenantId);
      teams.apps.forget(tenantId);
      slackSockets.changed(tenantId);
    };
    events.on('chatAppsChanged', forgetChatApps);
    if (redis) {
      // Their own message, not the settings': a chat app's Socket Mode connection is opened again on each.
      events.on('chatAppsChanged', (tenantId) => io.serverSideEmit('chat-apps:changed', tenantId));
      io.on('chat-apps:changed', forgetChatApps);
    }
    // Agents connect to a running node; after a restart of the only node none is connected yet.
    if (db.mode === 'embedded') await markAllDevicesOffline(db.pool);
    const node = randomUUID();
    const agents = agentsNamespace(io, { pool: db.pool, logger, delivery, sms, events, node });
    const nodeLease =
      db.mode === 'embedded'
        ? undefined
        : holdNodeLease(db.pool, node, config.nodeLeaseSeconds, logger, () => markDevicesHeld(db.pool, heldDeviceIds(agents), node));
    const technicians = consoleNamespace(io, { pool: db.pool, logger, events, takeoverGraceMs });
    schedulePeriodicJobs({
      pool: db.pool,
      logger,
      jobs,
      delivery,
      deliverWithinSeconds,
      namespaces: [portal, technicians],
      sessionSweepMs: sessionSweepMs ?? 30_000,
      resolver,
      hostnameSweepMs: hostnameSweepMs ?? 60_000,
      embedded: db.mode === 'embedded',
      nodeLeaseSeconds: config.nodeLeaseSeconds,
    });
    await jobs.start();
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, options.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    if (config.smtpPort !== undefined) {
      inboundMail = await startInboundMail({
        pool: db.pool,
        logger,
        email,
        embedded: db.mode === 'embedded',
        port: config.smtpPort,
        host: options.host,
        onReceived: announceReceivedEmail(events),
      });
    }
    const demoAgentsAt = `http://127.0.0.1:${port}`;
    const demoAgents =
      seed && config.demoAgents
        ? db.mode === 'embedded'
          ? await startDemoAgents(db.pool, seed.tenantId, demoAgentsAt, logger)
          : leadDemoAgents(db.pool, seed.tenantId, demoAgentsAt, logger)
        : undefined;
    // Last, so that no later failure of the start leaves a connection to Slack open.
    const stopSlackSocket = slackSocket && startSlackSocketMode({ appToken: slackSocket.appToken, apiUrl: slackSocket.apiUrl, logger }, slackSocket.dispatch);
    await slackSockets.start();

    let closing: Promise<void> | undefined;
    const running = jobs;
    const close = () =>
      (closing ??= (async () => {
        // Jobs in progress finish while the sockets they tell are still open.
        await running.close();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), 10_000);
          force.unref();
          // Closes the sockets, then the HTTP server under them.
          stopConversationDelivery();
          void demoAgents?.stop();
          void io.close(() => resolve());
          server.closeIdleConnections();
        });
        await stopSlackSocket?.();
        await slackSockets.close();
        await nodeLease?.stop();
        await redis?.close();
        await inboundMail?.close();
        await email?.stop();
        await widget?.close();
        await db.close();
      })());
    return { url: `http://localhost:${port}`, port, db, server, seeded, smtpPort: inboundMail?.port, close };
  } catch (error) {
    await jobs?.close();
    await redis?.close();
    await inboundMail?.close();
    await email?.stop();
    await widget?.close();
    await db.close();
    throw error;
  }
}
