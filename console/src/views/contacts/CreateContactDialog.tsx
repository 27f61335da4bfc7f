import { useEffect, useState } from 'preact/hooks';
import type { Company } from '../../../../domain/companies/company-schemas.js';
import type { CreatedContact } from '../../../../domain/contacts/create-contact.js';
import { createContact, getSettings, listCompanies } from '../../api/people.js';
import { CopyField } from '../../components/CopyField.js';
import { Dialog } from '../../components/Dialog.js';
import { FormDialog, settle } from '../../components/FormDialog.js';
import { tr } from '../../i18n/i18n.js';
import { me } from '../../store/session.js';
import { CompanyAndLanguage, PhoneField } from './ContactFields.js';
import { LANGUAGE_CHOICES, languageName } from './languages.js';

/** The credentials of a new contact, shown this once: the server keeps only the password's hash. */
function Credentials({ created, emailed, onClose }: { created: CreatedContact; emailed: boolean | undefined; onClose(): void }) {
  const { contact } = created;
  return (
    <div class="dialog-body credentials">
      <p>{tr('console.contacts.createdIntro', { name: contact.name, company: contact.companyName })}</p>
      <CopyField label={tr('console.contacts.username')} value={created.username} copyLabel={tr('console.contacts.copyUsername')} />
      <CopyField label={tr('console.contacts.password')} value={created.password} copyLabel={tr('console.contacts.copyPassword')} autofocus />
      <p class="warning">
        <strong>{tr('console.contacts.shownOnce')}</strong> {tr('console.contacts.shownOnceDetail')}
      </p>
      {emailed !== undefined && (
        <p class="muted">
          {emailed
            ? tr('console.contacts.welcomeQueued', { email: contact.email, language: languageName(contact.language) })
            : tr('console.contacts.welcomeOff')}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={onClose}>
          {tr('console.contacts.done')}
        </button>
      </div>
    </div>
  );
}

export function CreateContactDialog({ onCreated, onClose }: { onCreated(created: CreatedContact): void; onClose(): void }) {
  const [companies, setCompanies] = useState<Company[] | undefined>(undefined);
  const [automatic, setAutomatic] = useState<boolean | undefined>(undefined);
  const [created, setCreated] = useState<CreatedContact | undefined>(undefined);
  const [failed, setFailed] = useState('');

  useEffect(() => {
    void listCompanies().then((answer) => (answer.ok ? setCompanies(answer.body.companies) : setFailed(answer.error.message)));
    void getSettings().then((answer) => answer.ok && setAutomatic(answer.body.welcomeEmail.automatic));
  }, []);

  async function send(form: HTMLFormElement): Promise<string | undefined> {
    const data = new FormData(form);
    const answer = await createContact({
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      companyId: String(data.get('companyId') ?? ''),
      language: String(data.get('language') ?? 'en') as (typeof LANGUAGE_CHOICES)[number]['code'],
      primary: data.get('primary') === 'on',
      ...(data.get('phone') ? { phone: String(data.get('phone')) } : {}),
    });
    return settle(answer, (body) => {
      setCreated(body);
      onCreated(body);
    });
  }

  if (created) {
    return (
      <Dialog key="credentials" title={tr('console.contacts.createdTitle')} onClose={onClose} role="alertdialog" size="wide">
        <Credentials created={created} emailed={automatic} onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <FormDialog
      title={tr('console.contacts.newTitle')}
      size="wide"
      submitLabel={tr('console.contacts.create')}
      ready={companies !== undefined}
      error={failed}
      onSubmit={send}
      onClose={onClose}
    >
      <label>
        <span>{tr('console.contacts.name')}</span>
        <input name="name" required maxLength={200} autocomplete="off" />
      </label>
      <label>
        <span>{tr('console.contacts.email')}</span>
        <input name="email" type="email" required maxLength={254} autocomplete="off" spellcheck={false} aria-describedby="new-contact-email-hint" />
      </label>
      <p class="field-hint" id="new-contact-email-hint">
        {tr('console.contacts.emailHint')}
      </p>
      <CompanyAndLanguage companies={companies} language={me.value?.user.language} />
      <PhoneField maxLength={100} />
      <label class="check">
        <input type="checkbox" name="primary" />
        <span>{tr('console.contacts.primaryLabel')}</span>
      </label>
      {automatic !== undefined && <p class="muted small">{automatic ? tr('console.contacts.welcomeWillGo') : tr('console.contacts.welcomeOff')}</p>}
    </FormDialog>
  );
}
