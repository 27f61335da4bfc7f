import { absolutePortalLinks, actionCard, actionStatusLine, codeCard } from './teams-cards.js';

const action = {
  id: '0b6f6c1e-2f7a-4b8e-9c1d-3e4f5a6b7c8d',
  kind: 'install' as const,
  deviceId: 'd1',
  deviceName: 'PC [evil](https://evil.example) *bold*',
  appId: 'zoom',
  appName: 'Zoom **pro**',
  status: 'awaiting_confirmation' as const,
};

describe('Teams cards and lines', () => {
  it('shows names people wrote as plain text runs on cards, never as Markdown', () => {
    const card = actionCard(action, 'en');
    const runs = JSON.stringify(card.body);
    expect(runs).toContain('{"type":"TextRun","text":"PC [evil](https://evil.example) *bold*"}');
    expect(card.body.filter((b: any) => b.type === 'TextBlock').map((b: any) => b.text)).toEqual(['Action request']);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Confirm', data: { portico: 'confirm', actionId: action.id }, style: 'positive' },
      { type: 'Action.Submit', title: 'Cancel', data: { portico: 'cancel', actionId: action.id } },
    ]);
    expect(codeCard({ ...action, status: 'awaiting_code' }, 'de').body).toContainEqual(expect.objectContaining({ type: 'Input.Text', id: 'code', label: 'Bestätigungscode' }));
  });

  it('escapes device and app names in a status line, and leaves the steps the cards show unsaid', () => {
    expect(actionStatusLine({ ...action, status: 'queued' }, 'en')).toBe('**Install Zoom \\*\\*pro\\*\\*** · PC \\[evil\\](https\\://evil.example) \\*bold\\*: Queued');
    expect(actionStatusLine({ ...action, status: 'awaiting_code' }, 'en')).toBeUndefined();
  });

  it("makes the portal's own links absolute and leaves others alone", () => {
    expect(absolutePortalLinks('See [ticket #12](/tickets/12), [x](//cdn.example/a) and [y](https://a.example/b)', 'https://acme.portal.example/')).toBe(
      'See [ticket #12](https://acme.portal.example/tickets/12), [x](//cdn.example/a) and [y](https://a.example/b)',
    );
  });
});
