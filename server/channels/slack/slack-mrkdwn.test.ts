import { articleLinks, escapeMrkdwn, markdownToMrkdwn, plainFromSlack } from './slack-mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack reads as controls, and nothing else', () => {
    expect(escapeMrkdwn('<!channel> R&D <@U123> *hi* `x`')).toBe('&lt;!channel&gt; R&amp;D &lt;@U123&gt; *hi* `x`');
  });
});

describe('markdownToMrkdwn', () => {
  const portal = 'https://demo.portal.test';

  it('makes a knowledge-base link absolute to the portal, as a Slack link', () => {
    expect(markdownToMrkdwn('See [Reset your VPN](/kb/reset-vpn).', portal)).toBe('See <https://demo.portal.test/kb/reset-vpn|Reset your VPN>.');
  });

  it('keeps an https link and drops one that is neither the portal nor http(s)', () => {
    expect(markdownToMrkdwn('[a](https://x.example/p) [b](javascript:void) [c](//evil.example)', portal)).toBe('<https://x.example/p|a> b c');
  });

  it('escapes the text around and inside links, so no mention or link can be smuggled in', () => {
    expect(markdownToMrkdwn('<!here> [x|<y>](/kb/a) & **bold**', portal)).toBe('&lt;!here&gt; <https://demo.portal.test/kb/a|x/&lt;y&gt;> &amp; *bold*');
  });
});

describe('plainFromSlack', () => {
  it("drops the bot's mention and undoes Slack's links and escapes", () => {
    expect(plainFromSlack('<@UBOT> my VPN &amp; Outlook fail, see <https://x.example/a|the page> &lt;3', 'UBOT')).toBe(
      'my VPN & Outlook fail, see the page (https://x.example/a) <3',
    );
  });

  it("keeps someone else's mention and a bare link", () => {
    expect(plainFromSlack('ask <@U2> about <https://x.example/a>', 'UBOT')).toBe('ask <@U2> about https://x.example/a');
  });
});

describe('articleLinks', () => {
  it("links each article in the portal, its title escaped", () => {
    expect(articleLinks([{ slug: 'vpn', title: 'VPN <setup> | R&D' }, { slug: 'mfa', title: 'MFA' }], 'https://p.test')).toBe(
      '<https://p.test/kb/vpn|VPN &lt;setup&gt; / R&amp;D> · <https://p.test/kb/mfa|MFA>',
    );
  });
});
