import { isIP } from 'node:net';
import * as z from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (protocols: string[]) =>
  optionalText.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** Which proxies in front may say who the client is: none, a hop count, or their addresses (express's `trust proxy`). */
export type TrustProxy = false | number | string[];

const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry) || isIP(entry) !== 0) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  return rest.length === 0 && version !== 0 && /^\d{1,3}$/.test(prefix ?? '') && Number(prefix) <= (version === 4 ? 32 : 128);
}

const trustProxy = z
  .string()
  .trim()
  .default('')
  .superRefine((value, ctx) => {
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would trust every hop, so any client could choose its own address with X-Forwarded-For; write the number of proxies in front of Portico (e.g. 1) or their addresses (e.g. loopback or 10.0.0.0/8)',
      });
    } else if (!['', 'false'].includes(value) && !/^\d{1,2}$/.test(value) && !value.split(',').every((entry) => isProxyAddress(entry.trim()))) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected a number of proxies (e.g. 1) or comma-separated addresses: loopback, linklocal, uniquelocal, IPs or CIDR ranges such as 10.0.0.0/8',
      });
    }
  })
  .transform((value): TrustProxy => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((entry) => entry.trim());
  });

const EnvSchema = z.object({
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  PORTICO_DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: url(['http:', 'https:']),
  OPENAI_MODEL: optionalText,
  OPENAI_EMBEDDING_MODEL: optionalText,
  TWILIO_ACCOUNT_SID: optionalText.refine((v) => v === undefined || /^AC[0-9a-fA-F]{32}$/.test(v), {
    message: 'expected "AC" followed by 32 hexadecimal characters',
  }),
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_FROM: optionalText,
  TWILIO_API_URL: url(['http:', 'https:']),
  SMTP_URL: url(['smtp:', 'smtps:']),
  PORTICO_SMTP_PORT: optionalText
    .refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) <= 65535), { message: 'expected a port number' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  PORTICO_INBOUND_EMAIL_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'expected at least 32 characters, e.g. the output of: openssl rand -base64 32',
  }),
  PORTICO_BASE_DOMAIN: optionalText.refine((v) => v === undefined || /^[a-z0-9.-]+$/i.test(v), {
    message: 'expected a DNS name such as portal.example.com',
  }),
  PORTICO_SEED: z.enum(['demo', 'none']).optional(),
  MICROSOFT_APP_ID: optionalText.refine((v) => v === undefined || /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v), {
    message: "expected the bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000",
  }),
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText.refine((v) => v === undefined || /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v), {
    message: 'expected the Microsoft Entra tenant ID, a GUID',
  }),
  PORTICO_TRUST_PROXY: trustProxy,
  PORTICO_SECRET_KEY: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'expected at least 32 characters, e.g. the output of: openssl rand -base64 32',
  }),
  PORTICO_ACTION_EXPIRY_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .int({ error: 'expected a whole number of seconds' })
    .min(5, { error: 'expected at least 5 seconds' })
    .max(7 * 86_400, { error: 'expected at most 7 days' })
    .default(30 * 60),
  PORTICO_NODE_LEASE_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .int({ error: 'expected a whole number of seconds' })
    .min(3, { error: 'expected at least 3 seconds' })
    .max(600, { error: 'expected at most 600 seconds' })
    .default(30),
  PORTICO_DEMO_AGENTS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), { message: 'expected a bot token starting with "xoxb-"' }),
  SLACK_API_URL: url(['http:', 'https:']),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'expected an app-level token starting with "xapp-" (the Slack app\'s Basic Information, App-Level Tokens, with the connections:write scope)',
  }),
}).superRefine((e, ctx) => {
  // A bot token alone could answer nothing it cannot hear; a way in without the bot token could hear and not answer.
  const wayIn = e.SLACK_SIGNING_SECRET !== undefined || e.SLACK_APP_TOKEN !== undefined;
  if (wayIn && e.SLACK_BOT_TOKEN === undefined) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'expected with SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode)' });
  }
  if (!wayIn && e.SLACK_BOT_TOKEN !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_SIGNING_SECRET'],
      message: 'expected with SLACK_BOT_TOKEN, or SLACK_APP_TOKEN instead for Socket Mode (an install without a public URL)',
    });
  }
});

export type Config = {
  port: number;
  mode: 'embedded' | 'scale-out';
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  openai: { apiKey?: string; baseUrl?: string; model?: string; embeddingModel?: string };
  twilio: { accountSid?: string; authToken?: string; from?: string; apiUrl?: string };
  smtpUrl?: string;
  /** The Teams bot's Azure registration; no Teams endpoint when absent. A tenant ID makes it a single-tenant app. */
  teams?: { appId: string; password: string; tenantId?: string };
  /** The inbound mail listener's port; no listener when absent. */
  smtpPort?: number;
  /** The shared secret of the inbound mail webhook; no webhook when absent. */
  inboundEmailSecret?: string;
  baseDomain: string;
  seed: 'demo' | 'none';
  trustProxy: TrustProxy;
  /** Encrypts secrets stored in the database; in embedded mode a key generated in the data directory stands in. */
  secretKey?: string;
  /** How long a verified action waits for its device to come online before it expires. */
  actionExpirySeconds: number;
  /** Whether the demo tenant's devices are served by simulated agents inside the server. */
  demoAgents: boolean;
  /**
   * Scale-out: how long a node that stopped renewing its sign of life in the database is still taken to hold its
   * device agents' connections; then its devices read offline.
   */
  nodeLeaseSeconds: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /**
   * The demo tenant's Slack app, when its bot token and a way in are set: the signing secret checks Slack's HTTP
   * requests, the app-level token opens a Socket Mode connection (both may be set). `apiUrl` ends with a slash.
   */
  slack?: { signingSecret?: string; appToken?: string; botToken: string; apiUrl: string };
};

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops the start with a line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError('Invalid configuration: MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (the client secret of the bot\'s app registration)');
  }
  const mode = e.DATABASE_URL ? 'scale-out' : 'embedded';
  return {
    port: e.PORT,
    mode,
    dataDir: e.PORTICO_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL,
    },
    twilio: { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiUrl: e.TWILIO_API_URL },
    smtpUrl: e.SMTP_URL,
    teams: e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD ? { appId: e.MICROSOFT_APP_ID, password: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID } : undefined,
    smtpPort: e.PORTICO_SMTP_PORT,
    inboundEmailSecret: e.PORTICO_INBOUND_EMAIL_SECRET,
    baseDomain: (e.PORTICO_BASE_DOMAIN ?? 'portal.localhost').toLowerCase(),
    seed: e.PORTICO_SEED ?? (mode === 'embedded' ? 'demo' : 'none'),
    trustProxy: e.PORTICO_TRUST_PROXY,
    secretKey: e.PORTICO_SECRET_KEY,
    actionExpirySeconds: e.PORTICO_ACTION_EXPIRY_SECONDS,
    demoAgents: e.PORTICO_DEMO_AGENTS,
    nodeLeaseSeconds: e.PORTICO_NODE_LEASE_SECONDS,
    logLevel: e.LOG_LEVEL,
    slack: e.SLACK_BOT_TOKEN
      ? {
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          botToken: e.SLACK_BOT_TOKEN,
          apiUrl: (e.SLACK_API_URL ?? 'https://slack.com/api/').replace(/\/?$/, '/'),
        }
      : undefined,
  };
}
