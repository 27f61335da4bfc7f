import { openConsole, seriousViolations, shoot, useChromiumPortico } from '../support/browser.js';

// The console's Chat apps screen: an admin saves the demo tenant's own Slack app with write-only secrets, sees them as
// saved after a reload, replaces one and removes another, all from the keyboard and the screen's names.

describe('the console Chat apps screen in Chromium', () => {
  const chromium = useChromiumPortico();
  const page = () => chromium.page;
  const slack = () => page().getByRole('form', { name: 'Slack' });
  const saveSlack = async () => {
    await slack().getByRole('button', { name: 'Save Slack' }).click();
  };
  const savedNotice = () => slack().getByRole('status').filter({ hasText: 'Saved. New requests use it now.' }).waitFor();

  // The first test also waits for the console's first bundle, on a machine shared with other runs: a longer limit.
  it('saves secrets that are shown only as saved after a reload, then replaces one and removes another', async () => {
    await openConsole(page(), chromium.portico.port, 'chat-apps');
    await page().getByRole('heading', { level: 1, name: 'Chat apps' }).waitFor();
    const url = slack().getByRole('textbox', { name: 'Request URL' });
    await expect(url.inputValue()).resolves.toMatch(/^https:\/\/[^/]+\/integrations\/slack\/events$/);
    await slack().getByRole('button', { name: 'Copy the Request URL' }).waitFor();

    await slack().getByLabel('Signing secret', { exact: true }).fill('browser-signing-secret');
    await slack().getByLabel('Bot token', { exact: true }).fill('xoxb-browser-token-1a2b');
    await slack().getByRole('switch', { name: 'Answer users in Slack' }).check();
    await saveSlack();
    await savedNotice();

    await page().reload();
    await slack().getByText('Saved · ends in 1a2b').waitFor();
    await expect(slack().getByRole('switch', { name: 'Answer users in Slack' }).isChecked()).resolves.toBe(true);
    // What stands for a saved secret is a group of buttons, no field holding it.
    await expect(slack().getByLabel('Bot token', { exact: true }).evaluate((element) => element.getAttribute('role'))).resolves.toBe('group');
    await expect(page().content()).resolves.not.toContain('browser-signing-secret');
    expect(await seriousViolations(page())).toEqual([]);
    await shoot(page(), 'console-chat-apps', 1280, 1000);
    await shoot(page(), 'console-chat-apps', 390, 844);
    await page().setViewportSize({ width: 1280, height: 800 });

    // Replace: the new value's field takes the keyboard; a token of the wrong kind is refused beside it.
    await slack().getByRole('button', { name: 'Replace Bot token' }).press('Enter');
    const token = slack().getByLabel('Bot token', { exact: true });
    await expect(token.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await page().keyboard.type('xoxp-a-user-token');
    await saveSlack();
    await slack().getByText('The bot token must start with "xoxb-"').waitFor();
    await expect(token.getAttribute('aria-invalid')).resolves.toBe('true');
    await token.fill('xoxb-browser-token-9z9z');
    await saveSlack();
    await slack().getByText('Saved · ends in 9z9z').waitFor();

    // Remove: refused while the app is on, which needs it; taken once the app is off.
    await slack().getByRole('button', { name: 'Remove Signing secret' }).click();
    await slack().getByText('Removed when you save').waitFor();
    await saveSlack();
    await slack().getByRole('alert').filter({ hasText: 'Slack can be turned on once its secrets are saved.' }).waitFor();
    await slack().getByRole('switch', { name: 'Answer users in Slack' }).uncheck();
    await saveSlack();
    await savedNotice();
    await page().reload();
    await slack().getByLabel('Signing secret', { exact: true }).waitFor();
    await slack().getByText('Saved · ends in 9z9z').waitFor();
    await expect(slack().getByRole('switch', { name: 'Answer users in Slack' }).isChecked()).resolves.toBe(false);
  }, 120_000);
});
