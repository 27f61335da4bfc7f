import { useEffect, useState } from 'preact/hooks';
import type { Company } from '../../../domain/companies/company-schemas.js';
import type { ContactSummary } from '../../../domain/contacts/list-contacts.js';
import type { AdminDeviceView, EnrollmentTokenView } from '../../../domain/devices/device-schemas.js';
import {
  assignDevice,
  createEnrollmentToken,
  enrollCommand,
  listDevices,
  listEnrollmentTokens,
  removeDevice,
  revokeEnrollmentToken,
  type CreatedEnrollmentToken,
} from '../api/devices.js';
import { listCompanies, searchContacts } from '../api/people.js';
import { CopyField } from '../components/CopyField.js';
import { ConfirmDialog, Dialog } from '../components/Dialog.js';
import { FormDialog, settle } from '../components/FormDialog.js';
import { OptionalSelect } from '../components/OptionalSelect.js';
import type { Loadable } from '../components/LoadStatus.js';
import { dateTime, timeAgo, tr } from '../i18n/i18n.js';
import { isAdmin } from '../store/session.js';

type Data = {
  devices: AdminDeviceView[];
  tokens: EnrollmentTokenView[];
  companies: Map<string, Company>;
  contacts: Map<string, ContactSummary>;
};
type Load = Loadable<Data>;

const PLATFORMS = { windows: 'Windows', macos: 'macOS', linux: 'Linux' } as const;

/** A contact of the company, or nobody. */
function ContactSelect({ label, data, companyId, value, onChange }: { label: string; data: Data; companyId: string; value: string; onChange(id: string): void }) {
  const contacts = [...data.contacts.values()].filter((contact) => contact.companyId === companyId).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <OptionalSelect
      label={label}
      anyLabel={tr('console.devices.nobody')}
      value={value || undefined}
      options={contacts.map((contact) => ({ value: contact.id, label: `${contact.name} (${contact.email})` }))}
      onChange={(id) => onChange(id ?? '')}
    />
  );
}

function AssignDialog({ device, data, onSaved, onClose }: { device: AdminDeviceView; data: Data; onSaved(device: AdminDeviceView): void; onClose(): void }) {
  const [contactId, setContactId] = useState(device.contactId ?? '');
  async function send(): Promise<string | undefined> {
    return settle(await assignDevice(device.id, contactId || null), onSaved);
  }
  return (
    <FormDialog title={tr('console.devices.assignTitle', { name: device.name })} submitLabel={tr('console.devices.assign')} onSubmit={send} onClose={onClose}>
      <ContactSelect label={tr('console.devices.contact')} data={data} companyId={device.companyId} value={contactId} onChange={setContactId} />
      <p class="field-hint">{tr('console.devices.assignHint', { company: data.companies.get(device.companyId)?.name ?? '' })}</p>
    </FormDialog>
  );
}

function TokenDialog({ data, onCreated, onClose }: { data: Data; onCreated(): void; onClose(): void }) {
  const companies = [...data.companies.values()].sort((a, b) => a.name.localeCompare(b.name));
  const [companyId, setCompanyId] = useState(companies[0]?.id ?? '');
  const [contactId, setContactId] = useState('');
  const [maxUses, setMaxUses] = useState(1);
  const [validDays, setValidDays] = useState(7);
  const [created, setCreated] = useState<CreatedEnrollmentToken | undefined>(undefined);

  async function send(): Promise<string | undefined> {
    return settle(await createEnrollmentToken({ companyId, maxUses, validDays, ...(contactId ? { contactId } : {}) }), (token) => {
      setCreated(token);
      onCreated();
    });
  }

  if (created) {
    return (
      <Dialog title={tr('console.devices.tokenCreatedTitle')} onClose={onClose} size="wide" role="alertdialog">
        <div class="dialog-body">
          <p class="warning">{tr('console.devices.tokenOnce')}</p>
          <CopyField label={tr('console.devices.token')} value={created.token} copyLabel={tr('console.devices.copyToken')} autofocus />
          <CopyField label={tr('console.devices.command')} value={enrollCommand(created.token)} copyLabel={tr('console.devices.copyCommand')} />
          <p class="field-hint">{tr('console.devices.commandHint', { expires: dateTime(created.expiresAt), count: created.maxUses })}</p>
          <div class="dialog-actions">
            <button type="button" class="primary" onClick={onClose}>
              {tr('console.devices.done')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <FormDialog
      title={tr('console.devices.newTokenTitle')}
      size="wide"
      submitLabel={tr('console.devices.createToken')}
      ready={companyId !== ''}
      onSubmit={send}
      onClose={onClose}
    >
      <label>
        <span>{tr('console.devices.company')}</span>
        <select
          value={companyId}
          required
          onChange={(event) => {
            setCompanyId(event.currentTarget.value);
            setContactId('');
          }}
        >
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </select>
      </label>
      <ContactSelect label={tr('console.devices.tokenContact')} data={data} companyId={companyId} value={contactId} onChange={setContactId} />
      <div class="form-row">
        <label>
          <span>{tr('console.devices.maxUses')}</span>
          <input type="number" min={1} max={1000} required value={maxUses} onInput={(event) => setMaxUses(event.currentTarget.valueAsNumber || 1)} />
        </label>
        <label>
          <span>{tr('console.devices.validDays')}</span>
          <input type="number" min={1} max={30} required value={validDays} onInput={(event) => setValidDays(event.currentTarget.valueAsNumber || 1)} />
        </label>
      </div>
    </FormDialog>
  );
}

function tokenState(token: EnrollmentTokenView): 'revoked' | 'expired' | 'used' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (Date.parse(token.expiresAt) <= Date.now()) return 'expired';
  return token.uses >= token.maxUses ? 'used' : 'active';
}

export function DevicesView() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [assigning, setAssigning] = useState<AdminDeviceView | undefined>(undefined);
  const [removing, setRemoving] = useState<AdminDeviceView | undefined>(undefined);
  const [revoking, setRevoking] = useState<EnrollmentTokenView | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');

  async function refresh() {
    const [devices, tokens, companies, contacts] = await Promise.all([listDevices(), listEnrollmentTokens(), listCompanies(), searchContacts('', 500)]);
    const failed = [devices, tokens, companies, contacts].find((answer) => !answer.ok);
    if (failed && !failed.ok) {
      setLoad({ state: 'failed', message: failed.error.message });
      return;
    }
    if (!devices.ok || !tokens.ok || !companies.ok || !contacts.ok) return;
    setLoad({
      state: 'ready',
      devices: devices.body.devices.sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name)),
      tokens: tokens.body.tokens,
      companies: new Map(companies.body.companies.map((company) => [company.id, company])),
      contacts: new Map(contacts.body.contacts.map((contact) => [contact.id, contact])),
    });
  }

  useEffect(() => {
    void refresh();
  }, []);

  if (load.state === 'loading')
    return (
      <section class="panel" aria-labelledby="devices-title">
        <h1 id="devices-title">{tr('console.devices.title')}</h1>
        <p class="muted">{tr('shell.loading')}</p>
      </section>
    );
  if (load.state === 'failed')
    return (
      <section class="panel" aria-labelledby="devices-title">
        <h1 id="devices-title">{tr('console.devices.title')}</h1>
        <p class="error" role="alert">
          {load.message}
        </p>
      </section>
    );

  const data = load;
  const nameOf = (contactId: string | null) => (contactId ? (data.contacts.get(contactId)?.name ?? tr('console.devices.unknownContact')) : undefined);

  function assigned(device: AdminDeviceView) {
    setLoad({ ...data, devices: data.devices.map((candidate) => (candidate.id === device.id ? device : candidate)) });
    const contact = nameOf(device.contactId);
    setNotice(contact ? tr('console.devices.assigned', { name: device.name, contact }) : tr('console.devices.unassigned', { name: device.name }));
    setAssigning(undefined);
  }

  async function remove(device: AdminDeviceView): Promise<string | undefined> {
    const answer = await removeDevice(device.id);
    if (!answer.ok) return answer.error.message;
    setLoad({ ...data, devices: data.devices.filter((candidate) => candidate.id !== device.id) });
    setNotice(tr('console.devices.removed', { name: device.name }));
    return undefined;
  }

  async function revoke(token: EnrollmentTokenView): Promise<string | undefined> {
    const answer = await revokeEnrollmentToken(token.id);
    if (!answer.ok) return answer.error.message;
    setNotice(tr('console.devices.revoked'));
    await refresh();
    return undefined;
  }

  return (
    <>
      <section class="panel" aria-labelledby="devices-title">
        <div class="panel-head">
          <h1 id="devices-title">{tr('console.devices.title')}</h1>
        </div>
        <p class="notice" role="status">
          {notice}
        </p>
        {data.devices.length === 0 ? (
          <p class="empty">{tr('console.devices.empty')}</p>
        ) : (
          <table class="list devices">
            <caption class="visually-hidden">{tr('console.devices.count', { count: data.devices.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('console.devices.name')}</th>
                <th scope="col">{tr('console.devices.state')}</th>
                <th scope="col">{tr('console.devices.platform')}</th>
                <th scope="col">{tr('console.devices.company')}</th>
                <th scope="col">{tr('console.devices.contact')}</th>
                {isAdmin.value && (
                  <th scope="col">
                    <span class="visually-hidden">{tr('console.devices.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {data.devices.map((device) => (
                <tr key={device.id}>
                  <th scope="row">
                    <span class="strong">{device.name}</span>
                    {device.model && <span class="sub">{device.model}</span>}
                  </th>
                  <td>
                    <span class={`presence ${device.online ? 'presence-on' : ''}`}>{tr(device.online ? 'console.devices.online' : 'console.devices.offline')}</span>
                    {device.lastSeenAt && !device.online && (
                      <span class="sub" title={dateTime(device.lastSeenAt)}>
                        {tr('console.devices.lastSeen', { when: timeAgo(device.lastSeenAt) })}
                      </span>
                    )}
                  </td>
                  <td>
                    {PLATFORMS[device.os]}
                    {device.osVersion && <span class="sub">{device.osVersion}</span>}
                  </td>
                  <td>{data.companies.get(device.companyId)?.name}</td>
                  <td>{nameOf(device.contactId) ?? <span class="muted">{tr('console.devices.nobody')}</span>}</td>
                  {isAdmin.value && (
                    <td class="row-actions">
                      <button type="button" class="secondary small" aria-label={tr('console.devices.assignNamed', { name: device.name })} onClick={() => setAssigning(device)}>
                        {tr('console.devices.assign')}
                      </button>{' '}
                      <button type="button" class="danger small" aria-label={tr('console.devices.removeNamed', { name: device.name })} onClick={() => setRemoving(device)}>
                        {tr('console.devices.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel" aria-labelledby="tokens-title">
        <div class="panel-head">
          <h2 id="tokens-title">{tr('console.devices.tokensTitle')}</h2>
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            {tr('console.devices.newToken')}
          </button>
        </div>
        <p class="intro muted">{tr('console.devices.tokensIntro')}</p>
        {data.tokens.length === 0 ? (
          <p class="empty">{tr('console.devices.noTokens')}</p>
        ) : (
          <table class="list tokens">
            <caption class="visually-hidden">{tr('console.devices.tokensTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('console.devices.created')}</th>
                <th scope="col">{tr('console.devices.company')}</th>
                <th scope="col">{tr('console.devices.contact')}</th>
                <th scope="col">{tr('console.devices.uses')}</th>
                <th scope="col">{tr('console.devices.expires')}</th>
                <th scope="col">{tr('console.devices.state')}</th>
                <th scope="col">
                  <span class="visually-hidden">{tr('console.devices.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.tokens.map((token) => {
                const state = tokenState(token);
                return (
                  <tr key={token.id}>
                    <td>{dateTime(token.createdAt)}</td>
                    <td>{token.companyName}</td>
                    <td>{nameOf(token.contactId) ?? <span class="muted">{tr('console.devices.nobody')}</span>}</td>
                    <td>{tr('console.devices.usesOf', { uses: token.uses, max: token.maxUses })}</td>
                    <td>{dateTime(token.expiresAt)}</td>
                    <td>
                      <span class={`badge token-${state}`}>{tr(`console.devices.token.${state}`)}</span>
                    </td>
                    <td class="row-actions">
                      {state === 'active' && (
                        <button
                          type="button"
                          class="danger small"
                          aria-label={tr('console.devices.revokeNamed', { company: token.companyName, created: dateTime(token.createdAt) })}
                          onClick={() => setRevoking(token)}
                        >
                          {tr('console.devices.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {assigning && <AssignDialog device={assigning} data={data} onSaved={assigned} onClose={() => setAssigning(undefined)} />}
      {creating && <TokenDialog data={data} onCreated={() => void refresh()} onClose={() => setCreating(false)} />}
      {removing && (
        <ConfirmDialog
          title={tr('console.devices.removeTitle', { name: removing.name })}
          confirmLabel={tr('console.devices.remove')}
          danger
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(undefined)}
        >
          <p>{tr('console.devices.removeText')}</p>
        </ConfirmDialog>
      )}
      {revoking && (
        <ConfirmDialog
          title={tr('console.devices.revokeTitle')}
          confirmLabel={tr('console.devices.revoke')}
          danger
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(undefined)}
        >
          <p>{tr('console.devices.revokeText', { company: revoking.companyName })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
