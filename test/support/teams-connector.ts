import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { TeamsCloud } from '../../server/channels/teams/teams-channel.js';

export const ISSUER = 'https://api.botframework.test';
export const MS_TENANT = '11111111-2222-4333-8444-555555555555';
const KEY_ID = 'connector-key';

/** A Teams user as the connector describes them, with their one-to-one chat with the bot. */
export type Member = { id: string; name: string; aadObjectId: string; userPrincipalName?: string; email?: string; chat: string; locale: string };

/** A message activity from a member's personal chat with the bot `appId`, as Teams posts it through this connector. */
export function personalActivity(connector: LocalConnector, appId: string, who: Member, fields: Record<string, unknown>) {
  return {
    type: 'message',
    id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: MS_TENANT, id: who.chat },
    recipient: { id: `28:${appId}`, name: 'Portico' },
    locale: who.locale,
    channelData: { tenant: { id: MS_TENANT } },
    ...fields,
  };
}

export type Posted = { conversationId: string; activity: any; authorization: string | undefined };

/**
 * A local Bot Connector service: the OpenID metadata and key that sign its tokens to the bot, the members of its
 * conversations, and the activities the bot sends, recorded.
 */
export class LocalConnector {
  readonly posted: Posted[] = [];
  private server!: Server;
  private readonly waiters: { test: (p: Posted) => boolean; resolve: (p: Posted) => void }[] = [];
  private readonly signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  url = '';

  /** `members`: the Teams users it knows; `appId`: the bot its tokens are for, unless a token names another. */
  constructor(
    private readonly members: Record<string, Member>,
    private readonly appId: string,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req).then(([status, body]) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<[number, unknown]> {
    const path = decodeURIComponent(req.url ?? '');
    if (path === '/openid') return [200, { issuer: ISSUER, jwks_uri: `${this.url}keys` }];
    if (path === '/keys') {
      const { n, e } = this.signing.publicKey.export({ format: 'jwk' });
      return [200, { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n, e, endorsements: ['msteams'] }] }];
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (member && req.method === 'GET') {
      const found = Object.values(this.members).find((m) => m.id === member[2] && m.chat === member[1]);
      if (!found) return [404, { error: { code: 'MemberNotFoundInConversation' } }];
      const { chat: _chat, locale: _locale, ...account } = found;
      return [200, { ...account, tenantId: MS_TENANT, userRole: 'user' }];
    }
    const activities = /^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/.exec(path);
    if (activities && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += String(chunk);
      const posted = { conversationId: activities[1]!, activity: JSON.parse(raw), authorization: req.headers.authorization };
      this.posted.push(posted);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(posted)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(posted);
        }
      }
      return [200, { id: randomUUID() }];
    }
    return [404, {}];
  }

  /** The first activity the bot sent (or sends within the time) that passes `test`. */
  sent(test: (p: Posted) => boolean, timeoutMs = 20_000): Promise<Posted> {
    const seen = this.posted.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing matching was sent; sent: ${JSON.stringify(this.posted.map((p) => p.activity.text ?? p.activity.type))}`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** A token as Bot Framework signs it for the bot: its app id as audience, the activity's service URL as a claim. */
  token(options: { key?: KeyObject; audience?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.${part({
      iss: ISSUER,
      aud: options.audience ?? this.appId,
      serviceurl: this.url,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
    })}`;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(options.key ?? this.signing.privateKey).toString('base64url');
    return `${unsigned}.${signature}`;
  }
}

/**
 * The bot's own calls to the connector carry a token from its login; here the login is skipped (MSAL needs HTTPS) and
 * each app registration gets `token`, so the connector can tell which bot sent what.
 */
export class LocalLoginCredentials extends ConfigurationServiceClientCredentialFactory {
  constructor(
    appId: string,
    private readonly token: string,
  ) {
    super({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-here' });
  }

  override async createCredentials(): Promise<any> {
    return {
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', `Bearer ${this.token}`);
        return request;
      },
    };
  }
}

/** Bot Framework as the local connector plays it, for `startPortico`'s `teamsCloud`; `tokenOf` names each bot's login token. */
export function localTeamsCloud(connector: LocalConnector, tokenOf: (appId: string) => string): TeamsCloud {
  return {
    settings: {
      ToBotFromChannelOpenIdMetadataUrl: `${connector.url}openid`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${connector.url}openid`,
      ToBotFromChannelTokenIssuer: ISSUER,
      ToChannelFromBotLoginUrl: `${connector.url}login`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    },
    credentialsFactory: (appId) => new LocalLoginCredentials(appId, tokenOf(appId)),
  };
}
