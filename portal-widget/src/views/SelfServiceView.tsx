// The Self-service tab: each of the user's devices with what they may ask for on it, the actions and the catalog apps
// for its platform. A request goes through the same card as in the chat: confirmation, SMS code, live status.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DEVICE_ACTION_KINDS, type ActionKind } from '../../../domain/actions/action-kinds.js';
import type { DeviceView } from '../../../domain/devices/device-schemas.js';
import { ActionCard } from '../components/ActionCard.js';
import { Loaded } from '../components/Loaded.js';
import { tr } from '../i18n/i18n.js';
import { catalogs, devices, filterApps, loadCatalog, loadDevices, request, requested } from '../store/self-service.js';

/** Product names, the same in every language. */
const OS_NAMES: Record<DeviceView['os'], string> = { windows: 'Windows', macos: 'macOS', linux: 'Linux' };

function AppCatalog({ device, pending, onInstall }: { device: DeviceView; pending: string | undefined; onInstall(appId: string): void }) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const id = `apps-${device.id}`;

  useEffect(() => void loadCatalog(device.id), [device.id]);
  useLayoutEffect(() => search.current?.focus(), [device.id]);

  return (
    <div class="device-apps" id={id}>
      <h3>{tr('selfService.apps.title')}</h3>
      <label for={`${id}-search`}>{tr('selfService.apps.search')}</label>
      <input
        type="search"
        id={`${id}-search`}
        ref={search}
        value={query}
        autocomplete="off"
        spellcheck={false}
        list={undefined}
        aria-controls={`${id}-list`}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <Loaded value={catalogs.value[device.id] ?? { state: 'loading' }}>
        {(apps) => {
          const shown = filterApps(apps, query);
          return (
            <>
              <p class="apps-status" role="status">
                {shown.length > 0 ? '' : tr(apps.length === 0 ? 'selfService.apps.empty' : 'selfService.apps.none')}
              </p>
              <ul class="apps" id={`${id}-list`}>
                {shown.map((app) => (
                  <li key={app.id}>
                    <span class="app-name" id={`${id}-${app.id}`}>
                      {app.name}
                    </span>
                    <span class="app-publisher">{app.publisher}</span>
                    <button
                      type="button"
                      class="secondary"
                      id={`${id}-${app.id}-install`}
                      // "Install Zoom": which app the button installs is part of its name.
                      aria-labelledby={`${id}-${app.id}-install ${id}-${app.id}`}
                      aria-disabled={pending ? 'true' : undefined}
                      onClick={() => onInstall(app.id)}
                    >
                      {tr('selfService.apps.install')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function DeviceCard({ device }: { device: DeviceView }) {
  const id = `device-${device.id}`;
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();
  const [appsOpen, setAppsOpen] = useState(false);
  const requests = useRef<HTMLDivElement>(null);
  const focusAction = useRef<string>(undefined);
  const cards = requested.value.filter((action) => action.deviceId === device.id).reverse();

  useLayoutEffect(() => {
    const actionId = focusAction.current;
    focusAction.current = undefined;
    if (actionId) requests.current?.querySelector<HTMLElement>(`[data-action-id="${actionId}"]`)?.focus();
  });

  /** One request at a time; the pressed button keeps the keyboard, and the new card takes it once shown. */
  async function ask(kind: ActionKind, appId?: string) {
    if (pending) return;
    setPending(appId ?? kind);
    setError(undefined);
    const result = await request(device.id, kind, appId);
    setPending(undefined);
    if ('error' in result) setError(result.error || tr('selfService.failed'));
    else focusAction.current = result.action.id;
  }

  const busy = pending ? 'true' : undefined;
  const online = device.online ? 'online' : 'offline';
  return (
    <section class="device" aria-labelledby={id} aria-busy={busy}>
      <div class="device-head">
        <h2 id={id}>{device.name}</h2>
        <span class={`device-state device-${online}`}>{tr(`selfService.${online}`)}</span>
      </div>
      <p class="device-meta">{[device.osVersion ?? OS_NAMES[device.os], device.model].filter(Boolean).join(' · ')}</p>
      {!device.online && (
        <p class="device-offline-note" id={`${id}-offline`}>
          {tr('selfService.offlineNote')}
        </p>
      )}
      <div class="device-actions" role="group" aria-label={tr('selfService.actions')} aria-describedby={device.online ? undefined : `${id}-offline`}>
        {DEVICE_ACTION_KINDS.map((kind) => (
          <button key={kind} type="button" class="secondary" aria-disabled={busy} onClick={() => void ask(kind)}>
            {tr(`selfService.action.${kind}`)}
          </button>
        ))}
        <button type="button" class="secondary apps-toggle" aria-expanded={appsOpen ? 'true' : 'false'} aria-controls={`apps-${device.id}`} onClick={() => setAppsOpen(!appsOpen)}>
          {tr('selfService.apps.show')}
        </button>
      </div>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
      <div class="device-requests" ref={requests} hidden={cards.length === 0}>
        {cards.map((action) => (
          <ActionCard key={action.id} action={action} />
        ))}
      </div>
      {appsOpen && <AppCatalog device={device} pending={pending} onInstall={(appId) => void ask('install', appId)} />}
    </section>
  );
}

export function SelfServiceView({ hidden }: { hidden: boolean }) {
  useEffect(() => {
    if (!hidden) void loadDevices();
  }, [hidden]);

  return (
    <section id="selfservice" class="card self-service" role="tabpanel" aria-labelledby="tab-selfservice" hidden={hidden}>
      <h1>{tr('selfService.title')}</h1>
      <p class="self-service-intro">{tr('selfService.intro')}</p>
      <Loaded value={devices.value}>
        {(list) =>
          list.length === 0 ? (
            <p class="empty-state">{tr('selfService.noDevices')}</p>
          ) : (
            <ul class="devices">
              {list.map((device) => (
                <li key={device.id}>
                  <DeviceCard device={device} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
