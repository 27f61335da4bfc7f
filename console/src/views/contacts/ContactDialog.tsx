import { useState } from 'preact/hooks';
import type { ContactSummary } from '../../../../domain/contacts/list-contacts.js';
import { removeContactPhone, resetPasswordAndSend } from '../../api/people.js';
import { ConfirmDialog, Dialog } from '../../components/Dialog.js';
import { tr } from '../../i18n/i18n.js';
import { isAdmin } from '../../store/session.js';
import { languageName } from './languages.js';

type Asking = 'reset' | 'phone' | undefined;

/** One contact: what the portal knows of them, and what a technician can do for them. */
export function ContactDialog({ contact, onChanged, onClose }: { contact: ContactSummary; onChanged(contact: ContactSummary): void; onClose(): void }) {
  const [asking, setAsking] = useState<Asking>(undefined);
  const [notice, setNotice] = useState('');

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
        </dl>
        <p class="notice" role="status">
          {notice}
        </p>
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
