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

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '' })).toMatchObject({ mode: 'embedded', openai: { apiKey: undefined } });
  });
});
