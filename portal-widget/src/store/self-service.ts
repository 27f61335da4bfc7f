// The Self-service tab: the user's devices, the catalog apps for each, and the action cards of the requests made here
// in this session. The cards follow the same steps and live updates as the chat's (store/actions.ts).
import { signal } from '@preact/signals';
import type { ActionKind, ActionView } from '../../../domain/actions/action-schemas.js';
import type { CatalogAppView } from '../../../domain/catalog/catalog-schemas.js';
import type { DeviceView } from '../../../domain/devices/device-schemas.js';
import { getCatalog, getDevices, requestAction } from '../api/self-service.js';
import { followActions, isStale } from './actions.js';
import type { Loadable } from './loadable.js';

export const devices = signal<Loadable<DeviceView[]>>({ state: 'idle' });
export const catalogs = signal<Record<string, Loadable<CatalogAppView[]>>>({});
/** The requests made in this tab, oldest first. */
export const requested = signal<ActionView[]>([]);

followActions((next, fromAck) => {
  const shown = requested.value.find((action) => action.id === next.id);
  if (!shown || isStale(next, shown, fromAck)) return;
  requested.value = requested.value.map((action) => (action.id === next.id ? next : action));
});

/** Loaded each time the tab is shown, since devices come online and go offline; the list stays while it reloads. */
export async function loadDevices(): Promise<void> {
  if (devices.value.state !== 'loaded') devices.value = { state: 'loading' };
  const answer = await getDevices();
  devices.value = answer.ok ? { state: 'loaded', value: answer.body.devices } : { state: 'failed', message: answer.error.message };
}

export async function loadCatalog(deviceId: string): Promise<void> {
  if (catalogs.value[deviceId]?.state === 'loaded') return;
  catalogs.value = { ...catalogs.value, [deviceId]: { state: 'loading' } };
  const answer = await getCatalog(deviceId);
  catalogs.value = {
    ...catalogs.value,
    [deviceId]: answer.ok ? { state: 'loaded', value: answer.body.apps } : { state: 'failed', message: answer.error.message },
  };
}

/** Ignores case and accents, so that "zoom" finds Zoom and "acrobat" finds Adobe Acrobat Reader. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The apps whose name, publisher or category holds every word typed. */
export function filterApps(apps: CatalogAppView[], query: string): CatalogAppView[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return apps;
  return apps.filter((app) => {
    const text = fold([app.name, app.publisher, app.category ?? ''].join(' '));
    return words.every((word) => text.includes(word));
  });
}

/** Creates the request, which then waits for the user's confirmation on its card; resolves with the refusal, if any. */
export async function request(deviceId: string, kind: ActionKind, appId?: string): Promise<{ action: ActionView } | { error: string }> {
  const answer = await requestAction(deviceId, kind, appId);
  if (!answer.ok) return { error: answer.error.message };
  requested.value = [...requested.value, answer.body.action];
  return { action: answer.body.action };
}

export function forgetSelfService(): void {
  devices.value = { state: 'idle' };
  catalogs.value = {};
  requested.value = [];
}
