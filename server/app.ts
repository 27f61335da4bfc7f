import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type NextFunction, type Request, type Response } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { TrustProxy } from '../config/env.js';
import type { LoginLimits } from '../domain/auth/login-policy.js';
import { LoginThrottle } from '../domain/auth/login-throttle.js';
import { IdentityThrottle } from '../domain/auth/verified-identity.js';
import { PasswordTries } from '../domain/contacts/password-tries.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import { AppError } from '../domain/errors.js';
import type { EmailDispatch } from '../domain/email/email-transport.js';
import type { SecretBox } from '../domain/secrets/secret-box.js';
import { announceReceivedEmail } from './channels/email/inbound-message.js';
import { inboundEmailWebhook } from './channels/email/inbound-webhook.js';
import { embedCors } from './http/embed-cors.js';
import { errorHandler } from './http/errors.js';
import { jsonBody } from './http/json-body.js';
import { originGuard } from './http/origin-guard.js';
import { embedFraming, securityHeaders } from './http/security-headers.js';
import { requestLogging } from './http/request-logging.js';
import { CONSOLE_SOURCE, WIDGET_SOURCE } from './http/widget-bundle.js';
import { widgetScript } from './http/widget-script.js';
import { tenantResolver } from './http/resolve-tenant.js';
import { tlsAsk } from './http/tls-ask.js';
import { sessionLoader } from './http/session-cookie.js';
import './http/request-context.js';
import { openApiDocument } from './openapi.js';
import type { PortalEvents } from './realtime/portal-events.js';
import { adminAuditRoutes } from './routes/admin-audit.js';
import { adminChatAppRoutes } from './routes/admin-chat-apps.js';
import { adminCatalogRoutes } from './routes/admin-catalog.js';
import { adminCustomFieldRoutes } from './routes/admin-custom-fields.js';
import { adminRoutes } from './routes/admin.js';
import { analyticsRoutes } from './routes/analytics.js';
import { assistantRoutes } from './routes/assistant.js';
import { authRoutes } from './routes/auth.js';
import { companyRoutes } from './routes/companies.js';
import { contactRoutes } from './routes/contacts.js';
import { emailOutboxRoutes } from './routes/email-outbox.js';
import { i18nRoutes } from './routes/i18n.js';
import { kbRoutes } from './routes/kb.js';
import { meRoutes } from './routes/me.js';
import { portalRoutes } from './routes/portal.js';
import { portalHostnameRoutes } from './routes/portal-hostname.js';
import { selfServiceRoutes } from './routes/self-service.js';
import { smsOutboxRoutes } from './routes/sms-outbox.js';
import { technicianRoutes } from './routes/technicians.js';
import { ticketRoutes } from './routes/tickets.js';
import type { VerificationDeps } from '../domain/verification/send-verification-code.js';
import type { CnameResolver } from '../domain/portal/cname-check.js';
import type { Readiness } from './http/readiness.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export type AppDeps = {
  pool: pg.Pool;
  kb: KnowledgeBase;
  logger: Logger;
  trustProxy: TrustProxy;
  /** Checks every answer against its schema; on in tests. */
  validateResponses?: boolean;
  loginLimits?: Partial<LoginLimits>;
  /** Failed verified identities allowed per address in the window, when a suite needs another figure than the policy's. */
  identityFailuresPerAddress?: number;
  /** Seals stored secrets such as the embed secret; absent in scale-out mode without PORTICO_SECRET_KEY. */
  secrets: SecretBox | undefined;
  events: PortalEvents;
  verification: VerificationDeps;
  /** Sends queued emails by SMTP, or holds them in the outbox. */
  email: EmailDispatch;
  /** How long a verified action waits for its device to come online. */
  deliverWithinSeconds: number;
  /** Looks up the CNAME records of custom hostnames. */
  resolver: CnameResolver;
  /**
   * Chat apps' endpoints that serve the tenant of the request's hostname (`/integrations/teams/messages`), mounted once
   * the tenant is known; authenticated by each app's own scheme, not by session.
   */
  tenantIntegrations?: express.Router;
  /** The inbound mail webhook's shared secret (absent: no webhook), and whether the only tenant takes every recipient. */
  inboundEmail: { secret: string | undefined; embedded: boolean };
  /** The directory of the built portal UI (main.js, main.css, and the embedded widget's widget.js and embed.js). */
  widgetDir: string;
  /**
   * The chat channels' endpoints under /integrations (Slack's events…), filled once the channels exist. Mounted before
   * any body parser, since each checks the signature of the raw body, and before the tenant is read from the Host.
   */
  integrations?: express.Router;
  /** Whether the database, Redis and the job queue answer, for `GET /readyz`. */
  readiness: () => Promise<Readiness>;
};

export function createApp(deps: AppDeps): express.Express {
  const { pool } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(requestLogging(deps.logger));
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (deps.integrations) app.use('/integrations', deps.integrations);

  // Liveness above, readiness here: a node whose database or Redis is away is alive but should get no new traffic.
  app.get('/readyz', (_req, res, next) => {
    deps
      .readiness()
      .then(({ ready, failing, database, redis, queue }) => {
        res
          .status(ready ? 200 : 503)
          .json(ready ? { status: 'ready', database, redis, queue } : { status: 'unavailable', failing, database, redis, queue });
      })
      .catch(next);
  });

  const registry = new OpenAPIRegistry();
  const api = express.Router();
  const options = { registry, validateResponses: deps.validateResponses ?? false };
  authRoutes(api, options, {
    pool,
    throttle: new LoginThrottle(pool, deps.loginLimits),
    identityThrottle: new IdentityThrottle(pool, deps.identityFailuresPerAddress),
    secrets: deps.secrets,
    events: deps.events,
  });
  meRoutes(api, options, { pool });
  ticketRoutes(api, options, { pool, events: deps.events, email: deps.email, logger: deps.logger });
  adminRoutes(api, options, { pool, events: deps.events, secrets: deps.secrets });
  adminChatAppRoutes(api, options, { pool, events: deps.events, secrets: deps.secrets });
  i18nRoutes(api, options);
  portalRoutes(api, options, { pool });
  kbRoutes(api, options, deps.kb);
  assistantRoutes(api, options, { pool });
  selfServiceRoutes(api, options, {
    pool,
    events: deps.events,
    verification: deps.verification,
    deliverWithinSeconds: deps.deliverWithinSeconds,
    passwordTries: new PasswordTries(pool),
  });
  smsOutboxRoutes(api, options, { pool });
  companyRoutes(api, options, { pool });
  contactRoutes(api, options, { pool, email: deps.email, events: deps.events, logger: deps.logger });
  emailOutboxRoutes(api, options, { pool });
  adminCatalogRoutes(api, options, { pool });
  adminAuditRoutes(api, options, { pool });
  adminCustomFieldRoutes(api, options, { pool, events: deps.events });
  portalHostnameRoutes(api, options, { pool, resolver: deps.resolver });
  analyticsRoutes(api, options, { kb: deps.kb });
  technicianRoutes(api, options, { pool });
  const mailWebhook = express.Router();
  inboundEmailWebhook(mailWebhook, options, {
    pool,
    logger: deps.logger,
    email: deps.email,
    embedded: deps.inboundEmail.embedded,
    secret: deps.inboundEmail.secret,
    onReceived: announceReceivedEmail(deps.events),
  });
  const document = openApiDocument(registry, VERSION);
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(document);
  });

  app.get('/internal/tls/allowed', tlsAsk(pool));
  // Before the tenant is read from the hostname and the API's JSON parser: the recipients name the tenant, and the
  // webhook reads its body itself.
  app.use(mailWebhook);

  app.use(tenantResolver(pool));
  if (deps.tenantIntegrations) app.use('/integrations', deps.tenantIntegrations);
  app.use('/api', embedCors(pool));
  app.use(sessionLoader(pool));
  app.use(embedFraming(pool));
  app.use('/api', originGuard(pool));
  app.use('/api', jsonBody());
  app.use(api);
  app.use('/api', (_req: Request, _res: Response, next: NextFunction) => next(new AppError('not_found', 'no such API route')));

  app.use(widgetScript(deps.widgetDir));
  // The bundle is revalidated on each load (ETag), so a rebuilt one is picked up at once.
  app.use('/assets', express.static(deps.widgetDir, { index: false, maxAge: 0 }));
  // The portal opens an article itself at /kb/<slug>, where the assistant's links to articles point, and a ticket at
  // /tickets/<number>, where its list links.
  app.get(['/', '/kb/:slug', '/tickets/:number'], (_req: Request, res: Response) => {
    res.sendFile(join(WIDGET_SOURCE, 'index.html'), { maxAge: 0 });
  });
  // The console routes its screens itself (/console/tickets/42…).
  app.get(['/console', '/console/{*screen}'], (_req: Request, res: Response) => {
    res.sendFile(join(CONSOLE_SOURCE, 'index.html'), { maxAge: 0 });
  });

  app.use((_req: Request, _res: Response, next: NextFunction) => next(new AppError('not_found', 'no such page')));
  app.use(errorHandler);
  return app;
}
