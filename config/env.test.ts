import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('defaults to embedded mode with the demo seed on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, mode: 'embedded', dataDir: './data', seed: 'demo', trustProxy: false });
  });

  it('switches to scale-out with DATABASE_URL and then seeds nothing unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/portico', REDIS_URL: 'redis://cache:6379' });
    expect(config.mode).toBe('scale-out');
    expect(config.seed).toBe('none');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/p', PORTICO_SEED: 'demo' }).seed).toBe('demo');
  });

  it.each([
    ['PORT', 'abc', /PORT: expected a port number/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: expected a URL starting with postgres:\/\//],
    ['REDIS_URL', 'nonsense', /REDIS_URL/],
    ['PORTICO_SEED', 'everything', /PORTICO_SEED/],
    ['TWILIO_ACCOUNT_SID', 'XX123', /TWILIO_ACCOUNT_SID: expected "AC"/],
    ['OPENAI_BASE_URL', 'ftp://models', /OPENAI_BASE_URL/],
    ['PORTICO_SECRET_KEY', 'too-short', /PORTICO_SECRET_KEY: expected at least 32 characters/],
    ['PORTICO_INBOUND_EMAIL_SECRET', 'guessable', /PORTICO_INBOUND_EMAIL_SECRET: expected at least 32 characters/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each([
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8,fd00::/8, 192.0.2.7', ['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']],
  ])('reads PORTICO_TRUST_PROXY=%j as %j', (value, trustProxy) => {
    expect(loadConfig({ PORTICO_TRUST_PROXY: value }).trustProxy).toEqual(trustProxy);
  });

  it('refuses PORTICO_TRUST_PROXY=true, saying what to write instead', () => {
    expect(() => loadConfig({ PORTICO_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORTICO_TRUST_PROXY: 'true' })).toThrow(/PORTICO_TRUST_PROXY: .*every hop.*number of proxies.*loopback/);
  });

  it.each(['yes', '10.0.0.0/33', '300.1.1.1', 'loopback,,', 'proxy.example'])('refuses PORTICO_TRUST_PROXY=%j', (value) => {
    expect(() => loadConfig({ PORTICO_TRUST_PROXY: value })).toThrow(/PORTICO_TRUST_PROXY: expected a number of proxies/);
  });

  it('reads the Slack app from its signing secret and bot token, with Slack\'s API unless another is named', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's3cret', SLACK_BOT_TOKEN: 'xoxb-1' }).slack).toEqual({
      signingSecret: 's3cret',
      botToken: 'xoxb-1',
      apiUrl: 'https://slack.com/api/',
    });
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack?.apiUrl).toBe('http://127.0.0.1:9/api/');
  });

  it('reads a Socket Mode Slack app from its app-level token and bot token, with no signing secret needed, or both ways in', () => {
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A0-1-abc', SLACK_BOT_TOKEN: 'xoxb-1' }).slack).toStrictEqual({
      signingSecret: undefined,
      appToken: 'xapp-1-A0-1-abc',
      botToken: 'xoxb-1',
      apiUrl: 'https://slack.com/api/',
    });
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slack).toMatchObject({ appToken: 'xapp-1', signingSecret: 's' });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: 's3cret' }, /SLACK_BOT_TOKEN: expected with SLACK_SIGNING_SECRET \(HTTP events\) or SLACK_APP_TOKEN \(Socket Mode\)/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN: expected with SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET: expected with SLACK_BOT_TOKEN, or SLACK_APP_TOKEN instead for Socket Mode/],
    [{ SLACK_APP_TOKEN: 'xoxb-1', SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_APP_TOKEN: expected an app-level token starting with "xapp-"/],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxp-user' }, /SLACK_BOT_TOKEN: expected a bot token/],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'ftp://x' }, /SLACK_API_URL/],
  ])('refuses the Slack variables %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '' })).toMatchObject({ mode: 'embedded', openai: { apiKey: undefined } });
  });

  it('turns the Teams bot on with its app id and secret only, and names a missing or malformed one', () => {
    const appId = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    expect(loadConfig({}).teams).toBeUndefined();
    expect(loadConfig({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 's3cret' }).teams).toEqual({ appId, password: 's3cret', tenantId: undefined });
    expect(() => loadConfig({ MICROSOFT_APP_ID: appId })).toThrow(/MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'my-bot', MICROSOFT_APP_PASSWORD: 'x' })).toThrow(/MICROSOFT_APP_ID: expected the bot's Microsoft App ID/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TENANT_ID: 'contoso' })).toThrow(/MICROSOFT_APP_TENANT_ID/);
  });
});
