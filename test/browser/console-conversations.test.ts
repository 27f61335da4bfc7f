import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations, shoot, signInToChat, useChromiumPortico } from '../support/browser.js';
import { DEMO } from '../support/http-client.js';

describe('the console’s Conversations screen in Chromium: a technician takes a chat over', () => {
  const chromium = useChromiumPortico();
  let userContext: BrowserContext;
  let user: Page;

  beforeEach(async () => {
    userContext = await chromium.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    user = await userContext.newPage();
  });
  afterEach(() => userContext.close());

  const signInToConsole = async (page: Page) => {
    await page.goto(`http://localhost:${chromium.portico.port}/console/conversations`);
    await page.getByRole('textbox', { name: 'Username' }).fill(DEMO.tech);
    await page.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Conversations', level: 1 }).waitFor();
  };
  const userSays = async (text: string) => {
    await user.locator('#chat-input').fill(text);
    await user.locator('#chat-input').press('Enter');
  };
  const widgetLog = () => user.getByRole('log');

  // Two browsers side by side and a dozen live round trips: slow on a loaded machine, so it has time.
  it('joins a chat, talks with the user live while the assistant keeps quiet, and hands it back', async () => {
    const technician = chromium.page;
    await signInToConsole(technician);
    await technician.locator('.conv-list .empty, .conv-lines').first().waitFor();

    // The chat shows up in the open list as it starts, with the assistant's answer as it comes.
    await signInToChat(user, chromium.portico.port, DEMO.tom);
    await userSays('My VPN drops every hour');
    await widgetLog().locator('.msg-assistant').first().waitFor();
    const line = technician.getByRole('link', { name: /Tom Baker/ });
    await line.getByText('Acme Dental').waitFor();
    await line.getByText(/^Assistant:/).waitFor();
    expect(await seriousViolations(technician)).toEqual([]);
    await line.click();
    const transcript = technician.getByRole('log', { name: 'Chat with Tom Baker' });
    await transcript.getByText('My VPN drops every hour').waitFor();
    expect(new URL(technician.url()).pathname).toMatch(/^\/console\/conversations\/[0-9a-f-]{36}$/);

    await technician.getByRole('button', { name: 'Join chat' }).click();
    const composer = technician.getByRole('textbox', { name: 'Message to Tom Baker' });
    await composer.waitFor();
    await widgetLog().getByText('from support has joined the chat').waitFor();
    await technician.getByRole('link', { name: /Tom Baker/ }).getByText('You are in').waitFor();

    // Each side sees the other typing.
    await user.locator('#chat-input').pressSequentially('The');
    await technician.getByRole('status').filter({ hasText: 'Tom Baker is typing…' }).waitFor();
    // Enter sends; Shift+Enter is a new line in the same message.
    await composer.fill('Hello Tom, I am looking at your VPN profile.');
    await user.locator('#chat-typing').getByText('Sam Torres is typing…').waitFor();
    await composer.press('Shift+Enter');
    await composer.pressSequentially('Which office are you in?');
    await composer.press('Enter');
    await widgetLog().locator('.msg-technician').getByText('Which office are you in?').waitFor();
    await expect(composer.inputValue()).resolves.toBe('');
    expect(await seriousViolations(technician)).toEqual([]);

    await userSays('The <b>Leeds</b> office');
    await transcript.locator('.cmsg-user').getByText('The <b>Leeds</b> office').waitFor();
    await shoot(technician, 'console-conversations', 1280, 800);
    await shoot(technician, 'console-conversations', 390, 844);
    await technician.setViewportSize({ width: 1280, height: 800 });
    await technician.getByRole('status').filter({ hasText: 'is typing' }).waitFor({ state: 'detached' });
    await composer.fill('Thanks, a new profile is on its way.');
    await composer.press('Enter');
    await widgetLog().getByText('Thanks, a new profile is on its way.').waitFor();

    await technician.getByRole('button', { name: 'Hand back to assistant' }).press('Enter');
    await widgetLog().getByText('The assistant is back.').waitFor();
    // The keyboard goes on from the button that replaced the one pressed.
    await technician.getByRole('button', { name: 'Join chat' }).and(technician.locator(':focus')).waitFor();
    await transcript.getByText('The assistant is back.').waitFor();
    // Between the user's reply and the hand-back, only the technician answered: the assistant kept quiet.
    const said = await transcript.locator('.cmsg').evaluateAll((messages) =>
      messages.map((message) => `${message.classList[1]}: ${message.querySelector('.cmsg-body')?.textContent ?? ''}`),
    );
    expect(said.slice(said.indexOf('cmsg-user: The <b>Leeds</b> office'))).toEqual([
      'cmsg-user: The <b>Leeds</b> office',
      'cmsg-technician: Thanks, a new profile is on its way.',
      'cmsg-assistant: The assistant is back.',
    ]);
  }, 240_000);
});
