import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Company } from '../../../../domain/companies/company-schemas.js';
import type { AdminDeviceView } from '../../../../domain/devices/device-schemas.js';
import type { ContactSummary } from '../../../../domain/contacts/list-contacts.js';
import { getContact, listCompanies, removeContactPhone, resetPasswordAndSend, updateContact } from '../../api/people.js';
import { ConfirmDialog, Dialog } from '../../components/Dialog.js';
import { settle, SubmitForm } from '../../components/FormDialog.js';
import { timeAgo, tr } from '../../i18n/i18n.js';
import { isAdmin } from '../../store/session.js';
import { CompanyAndLanguage, PhoneField } from './ContactFields.js';
import { LANGUAGE_CHOICES, languageName } from './languages.js';

type Asking = 'reset' | 'phone' | undefined;

function Devices({ devices }: { devices: AdminDeviceView[] }) {
  if (devices.length === 0) return <p class="muted">{tr('console.contacts.noDevices')}</p>;
  return (
    <ul class="devices">
      {devices.map((device) => (
        <li key={device.id}>
          <span class={device.online ? 'dot online' : 'dot'} aria-hidden="true" />
          <span class="strong">{device.name}</span>
          <span class="muted">
            {' · '}
            {device.online
              ? tr('console.contacts.deviceOnline')
              : device.lastSeenAt
                ? tr('console.contacts.deviceSeen', { when: timeAgo(device.lastSeenAt) })
                : tr('console.contacts.deviceNeverSeen')}
          </span>
        </li>
      ))}
    </ul>
  );
}

function EditForm({ contact, onSaved, onCancel }: { contact: ContactSummary; onSaved(contact: ContactSummary, devices: AdminDeviceView[]): void; onCancel(): void }) {
  const [companies, setCompanies] = useState<Company[] | undefined>(undefined);
  const [failed, setFailed] = useState('');
  const name = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => name.current?.focus(), []);
  useEffect(() => {
    void listCompanies().then((answer) => (answer.ok ? setCompanies(answer.body.companies) : setFailed(answer.error.message)));
  }, []);

  async function send(form: HTMLFormElement): Promise<string | undefined> {
    const data = new FormData(form);
    const phone = String(data.get('phone') ?? '').trim();
    const answer = await updateContact(contact.id, {
      name: String(data.get('name') ?? ''),
      language: String(data.get('language')) as (typeof LANGUAGE_CHOICES)[number]['code'],
      companyId: String(data.get('companyId')),
      primary: data.get('primary') === 'on',
      ...(contact.phone === null && phone ? { phone } : {}),
    });
    return settle(answer, (body) => onSaved(body.contact, body.devices));
  }

  return (
    <SubmitForm submitLabel={tr('console.contacts.save')} error={failed} onSubmit={send} onCancel={onCancel}>
      <label>
        <span>{tr('console.contacts.name')}</span>
        <input name="name" ref={name} required maxLength={200} defaultValue={contact.name} autocomplete="off" />
      </label>
      <CompanyAndLanguage companies={companies} current={{ id: contact.companyId, name: contact.companyName, emailDomains: [] }} language={contact.language} />
      {contact.phone === null && <PhoneField maxLength={40} />}
      <label class="check">
        <input type="checkbox" name="primary" defaultChecked={contact.primary} />
        <span>{tr('console.contacts.primaryLabel')}</span>
      </label>
    </SubmitForm>
  );
}

/** One contact: what the portal knows of them, their devices, and what a technician can do for them. */
export function ContactDialog({ contact, onChanged, onClose }: { contact: ContactSummary; onChanged(contact: ContactSummary): void; onClose(): void }) {
  const [asking, setAsking] = useState<Asking>(undefined);
  const [editing, setEditing] = useState(false);
  const [devices, setDevices] = useState<AdminDeviceView[] | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const leftEditing = useRef(false);
  useLayoutEffect(() => {
    if (!editing && leftEditing.current) editButton.current?.focus();
    leftEditing.current = editing;
  }, [editing]);

  useEffect(() => {
    void getContact(contact.id).then((answer) => answer.ok && setDevices(answer.body.devices));
  }, [contact.id]);

  async function reset(): Promise<string | undefined> {
    const answer = await resetPasswordAndSend(contact.id);
    if (!answer.ok) return answer.error.message;
    setNotice(tr(answer.body.status === 'held' ? 'console.contacts.resetHeld' : 'console.contacts.resetSent', { email: answer.body.to }));
    return undefined;
  }

  async function removePhone(): Promise<string | undefined> {
    const answer = await removeContactPhone(contact.id);
    if (!answer.ok) return answer.error.message;
    onChanged({ ...contact, phone: null });
    setNotice(tr('console.contacts.phoneRemoved', { name: contact.name }));
    return undefined;
  }

  return (
    <Dialog title={contact.name} onClose={onClose} size="wide">
      <div class="dialog-body">
        {editing ? (
          <EditForm
            contact={contact}
            onCancel={() => setEditing(false)}
            onSaved={(saved, savedDevices) => {
              setEditing(false);
              setDevices(savedDevices);
              onChanged(saved);
              setNotice(tr('console.contacts.saved', { name: saved.name }));
            }}
          />
        ) : (
          <>
            <dl class="facts">
              <dt>{tr('console.contacts.username')}</dt>
              <dd>{contact.username}</dd>
              <dt>{tr('console.contacts.email')}</dt>
              <dd>{contact.email}</dd>
              <dt>{tr('console.contacts.company')}</dt>
              <dd>{contact.companyName}</dd>
              <dt>{tr('console.contacts.language')}</dt>
              <dd>{languageName(contact.language)}</dd>
              <dt>{tr('console.contacts.primary')}</dt>
              <dd>{contact.primary ? tr('console.contacts.yes') : tr('console.contacts.no')}</dd>
              <dt>{tr('console.contacts.phone')}</dt>
              <dd>{contact.phone ?? <span class="muted">{tr('console.contacts.noPhone')}</span>}</dd>
              <dt>{tr('console.contacts.devices')}</dt>
              <dd>{devices ? <Devices devices={devices} /> : <span class="muted">{tr('shell.loading')}</span>}</dd>
            </dl>
            <button type="button" class="secondary" ref={editButton} onClick={() => setEditing(true)}>
              {tr('console.contacts.edit')}
            </button>
          </>
        )}
        <p class="notice" role="status">
          {notice}
        </p>
        {!editing && (
          <div class="contact-actions">
            <div>
              <button type="button" class="secondary" onClick={() => setAsking('reset')}>
                {tr('console.contacts.reset')}
              </button>
              <p class="field-hint">{tr('console.contacts.resetHint')}</p>
            </div>
            {isAdmin.value && contact.phone !== null && (
              <div>
                <button type="button" class="danger" onClick={() => setAsking('phone')}>
                  {tr('console.contacts.removePhone')}
                </button>
                <p class="field-hint">{tr('console.contacts.removePhoneHint')}</p>
              </div>
            )}
          </div>
        )}
      </div>
      {asking === 'reset' && (
        <ConfirmDialog title={tr('console.contacts.resetTitle', { name: contact.name })} confirmLabel={tr('console.contacts.resetConfirm')} onConfirm={reset} onClose={() => setAsking(undefined)}>
          <p>{tr('console.contacts.resetQuestion', { email: contact.email, language: languageName(contact.language) })}</p>
        </ConfirmDialog>
      )}
      {asking === 'phone' && (
        <ConfirmDialog
          title={tr('console.contacts.removePhoneTitle', { name: contact.name })}
          confirmLabel={tr('console.contacts.removePhoneConfirm')}
          onConfirm={removePhone}
          onClose={() => setAsking(undefined)}
          danger
        >
          <p>{tr('console.contacts.removePhoneQuestion', { name: contact.name, phone: contact.phone ?? '' })}</p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
