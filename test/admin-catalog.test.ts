import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// The catalog as admins edit it: what they enable is what users may install, from the Self-service list or the assistant.

const demo = useDemoPortico();
let helpdesk: HttpClient;
let laptop: string;

beforeAll(async () => {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  const technician = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
  helpdesk = new HttpClient(demo.portico.port);
  await helpdesk.login(technician.username, technician.password);
  laptop = (await demo.users.tom.get('/api/v1/devices')).body.devices[0].id;
});

type App = { id: string; name: string; enabled: boolean; packages: Record<string, string | null> };

async function tomsCatalog(): Promise<string[]> {
  const answer = await demo.users.tom.get(`/api/v1/selfservice/catalog?deviceId=${laptop}`);
  expect(answer.status).toBe(200);
  return answer.body.apps.map((app: App) => app.id);
}

const remove = (client: HttpClient, id: string) => client.send('DELETE', `/api/v1/admin/catalog/${id}`);

describe('the admin catalog', () => {
  it('lists every app with its package ids to technicians, disabled ones included; end users are refused', async () => {
    const answer = await helpdesk.get('/api/v1/admin/catalog');
    expect(answer.status).toBe(200);
    expect(answer.body.apps).toContainEqual(
      expect.objectContaining({
        id: 'vlc',
        name: 'VLC media player',
        enabled: true,
        homebrewCask: true,
        packages: { chocolatey: 'vlc', homebrew: 'vlc', apt: 'vlc', dnf: null },
      }),
    );
    expect((await demo.users.tom.get('/api/v1/admin/catalog')).status).toBe(403);
    expect((await demo.users.anna.post('/api/v1/admin/catalog', { name: 'Evil', packages: { chocolatey: 'evil' } })).status).toBe(403);
    expect((await helpdesk.post('/api/v1/admin/catalog', { name: 'Helpdesk App', packages: { chocolatey: 'helpdesk' } })).status).toBe(403);
  });

  it('adds an app that the user can install at once, and audits it', async () => {
    const created = await demo.users.tech.post('/api/v1/admin/catalog', {
      name: 'Paint.NET',
      description: 'Image editor for Windows',
      publisher: 'dotPDN',
      packages: { chocolatey: 'paint.net', homebrew: '' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'paint-net', enabled: true, packages: { chocolatey: 'paint.net', homebrew: null, apt: null, dnf: null } });
    expect(await tomsCatalog()).toContain('paint-net');
    const install = await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: laptop, kind: 'install', appId: 'paint-net' });
    expect(install.status).toBe(201);

    const again = await demo.users.tech.post('/api/v1/admin/catalog', { name: 'paint.net', packages: { chocolatey: 'paintdotnet' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('catalog_app_exists');
    const { rows } = await demo.portico.db.pool.query(`SELECT details FROM audit_log WHERE action = 'catalog_app.created' AND target_id = 'paint-net'`);
    expect(rows).toHaveLength(1);
  });

  it('takes a disabled app out of the Self-service list and out of what may be installed, and brings it back', async () => {
    expect(await tomsCatalog()).toContain('greenshot');
    const disabled = await demo.users.tech.patch('/api/v1/admin/catalog/greenshot', { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    expect(await tomsCatalog()).not.toContain('greenshot');
    const refused = await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: laptop, kind: 'install', appId: 'greenshot' });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('app_not_in_catalog');
    expect((await helpdesk.get('/api/v1/admin/catalog')).body.apps.find((app: App) => app.id === 'greenshot').enabled).toBe(false);

    expect((await demo.users.tech.patch('/api/v1/admin/catalog/greenshot', { enabled: true })).status).toBe(200);
    expect(await tomsCatalog()).toContain('greenshot');
    const { rows } = await demo.portico.db.pool.query<{ details: { changes: unknown } }>(
      `SELECT details FROM audit_log WHERE action = 'catalog_app.updated' AND target_id = 'greenshot' ORDER BY id`,
    );
    expect(rows.map((row) => row.details.changes)).toEqual([{ enabled: { from: true, to: false } }, { enabled: { from: false, to: true } }]);
  });

  it('changes one package id without touching the others; a Linux-only app has its dnf id', async () => {
    const patched = await demo.users.tech.patch('/api/v1/admin/catalog/gimp', { packages: { dnf: 'gimp' }, description: 'Photo editing' });
    expect(patched.body).toMatchObject({ description: 'Photo editing', packages: { chocolatey: 'gimp', homebrew: 'gimp', apt: 'gimp', dnf: 'gimp' } });
    const linuxOnly = await demo.users.tech.post('/api/v1/admin/catalog', { id: 'htop', name: 'htop', packages: { dnf: 'htop' } });
    expect(linuxOnly.status).toBe(201);
    expect(await tomsCatalog()).not.toContain('htop');
  });

  it('refuses package ids that are no package names, and an app without any, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'Evil', packages: { chocolatey: '--source=http://evil.example evil' } }, 'packages.chocolatey'],
      [{ name: 'Evil', packages: { apt: '../../tmp/evil.deb' } }, 'packages.apt'],
      [{ name: 'Evil', packages: { apt: 'Evil' } }, 'packages.apt'],
      [{ name: 'Evil', packages: { dnf: 'evil.rpm' } }, 'packages.dnf'],
      [{ name: 'Evil', packages: { homebrew: 'evil/../tap' } }, 'packages.homebrew'],
      [{ name: 'Evil', packages: { chocolatey: 'x'.repeat(101) } }, 'packages.chocolatey'],
      [{ name: 'Evil', packages: { winget: 'evil' } }, 'packages'],
      [{ name: 'Evil', packages: {} }, 'packages'],
      [{ name: '', packages: { chocolatey: 'evil' } }, 'name'],
      [{ name: 'Evil', id: 'Not An Id', packages: { chocolatey: 'evil' } }, 'id'],
      [{ name: 'Evil', packages: { chocolatey: 'evil' }, installScript: 'curl | sh' }, 'installScript'],
    ];
    for (const [body, field] of cases) {
      const answer = await demo.users.tech.post('/api/v1/admin/catalog', body);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
      expect(answer.body.error.message).toContain(field);
    }
    const emptied = await demo.users.tech.patch('/api/v1/admin/catalog/greenshot', { packages: { chocolatey: null } });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error.message).toContain('packages');
    expect((await demo.users.tech.patch('/api/v1/admin/catalog/no-such-app', { enabled: false })).status).toBe(404);
    expect((await helpdesk.get('/api/v1/admin/catalog')).body.apps.some((app: App) => app.name === 'Evil')).toBe(false);
  });

  it('deletes an app never requested; one with install requests in its history is refused with 409 and stays', async () => {
    await demo.users.tech.post('/api/v1/admin/catalog', { id: 'short-lived', name: 'Short Lived', packages: { chocolatey: 'short-lived' } });
    expect((await remove(demo.users.tom, 'short-lived')).status).toBe(403);
    expect((await remove(helpdesk, 'short-lived')).status).toBe(403);
    expect((await remove(demo.users.tech, 'short-lived')).status).toBe(204);
    expect((await helpdesk.get('/api/v1/admin/catalog')).body.apps.some((app: App) => app.id === 'short-lived')).toBe(false);
    expect((await remove(demo.users.tech, 'short-lived')).status).toBe(404);

    const install = await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: laptop, kind: 'install', appId: 'pdf24' });
    expect(install.status).toBe(201);
    const refused = await remove(demo.users.tech, 'pdf24');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('catalog_app_installed');
    expect(refused.body.error.message).toContain('PDF24 Creator');
    expect(await tomsCatalog()).toContain('pdf24');
  });
});
