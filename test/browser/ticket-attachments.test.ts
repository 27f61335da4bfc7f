import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { openConsole, seriousViolations, shoot, signInToChat, useChromiumPortico } from '../support/browser.js';
import { DEMO, loggedIn } from '../support/http-client.js';

// An email's files in the portal's and the console's ticket view: listed by name and size, downloaded from the keyboard.

const chromium = useChromiumPortico({ env: { PORTICO_SMTP_PORT: '0' } });

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a7e1a0b40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), Buffer.alloc(1_500_000, 0x20)]);

let number: number;
beforeAll(async () => {
  const mailer = createTransport({ host: '127.0.0.1', port: chromium.portico.smtpPort!, secure: false, ignoreTLS: true, logger: false });
  try {
    await mailer.sendMail({
      from: 'Tom Baker <tom.baker@acmedental.example>',
      to: 'support@demo.portal.test',
      subject: 'Scanner shows an error',
      text: 'The scanner shows this error since the update. The full report is attached.',
      attachments: [
        { filename: 'scanner-error.png', content: PNG },
        { filename: 'scan-report.pdf', content: PDF },
      ],
    });
  } finally {
    mailer.close();
  }
  const tech = await loggedIn(chromium.portico.port, DEMO.tech);
  number = (await tech.get('/api/v1/tickets?source=email')).body.tickets.find((t: { subject: string }) => t.subject === 'Scanner shows an error').number;
});

describe("a ticket's files in Chromium", () => {
  it('are listed in the portal with their size and downloaded from the keyboard', async () => {
    const { page, portico } = chromium;
    await signInToChat(page, portico.port, DEMO.tom);
    await page.goto(`http://localhost:${portico.port}/tickets/${number}`);
    const files = page.getByRole('region', { name: 'Attachments' });
    await files.waitFor();
    await expect(files.innerText()).resolves.toMatch(/scanner-error\.png\s+70 byte\nscan-report\.pdf\s+1\.4 MB/);
    await shoot(page, 'portal-ticket-attachments', 390, 844);
    await shoot(page, 'portal-ticket-attachments', 1280, 800);
    const link = files.getByRole('link', { name: 'scan-report.pdf' });
    await link.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('scan-report.pdf');
    const saved = join(mkdtempSync(join(tmpdir(), 'portico-download-')), 'file');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(PDF)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("are listed in the console's ticket and downloaded from there", async () => {
    const { page, portico } = chromium;
    await openConsole(page, portico.port, `tickets/${number}`);
    const files = page.getByRole('region', { name: 'Attachments' });
    await files.waitFor();
    await shoot(page, 'console-ticket-attachments', 390, 844);
    await shoot(page, 'console-ticket-attachments', 1280, 800);
    const link = files.getByRole('link', { name: 'scanner-error.png' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('scanner-error.png');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('are attached to a comment in the portal, chosen with the file picker', async () => {
    const { page, portico } = chromium;
    await signInToChat(page, portico.port, DEMO.tom);
    await page.goto(`http://localhost:${portico.port}/tickets/${number}`);
    await page.getByRole('textbox', { name: 'Add a comment' }).fill('Here is the error once more.');
    await page.getByLabel('Attach files').setInputFiles({ name: 'second-try.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'second-try.png' }).waitFor();
    await expect(page.getByLabel('Attach files').inputValue()).resolves.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('are refused in the console with a message naming them, and attached to an internal note when accepted', async () => {
    const { page, portico } = chromium;
    await openConsole(page, portico.port, `tickets/${number}`);
    await page.getByRole('radio', { name: 'Internal note' }).check();
    const box = page.getByRole('textbox', { name: 'Note for technicians' });
    await box.fill('Driver package for the scanner.');
    const picker = page.getByLabel('Attach files');
    await picker.setInputFiles({ name: 'driver.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256)]) });
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'driver.pdf' }).innerText()).resolves.toContain('These files cannot be attached: driver.pdf.');
    await picker.setInputFiles({ name: 'driver-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Use version 4.2 of the driver.\n') });
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'driver-notes.txt' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
