import { useId } from 'preact/hooks';
import type { Company } from '../../../../domain/companies/company-schemas.js';
import { tr } from '../../i18n/i18n.js';
import { LANGUAGE_CHOICES } from './languages.js';

/** A contact's company and language side by side; until the companies are loaded, only the contact's own is offered. */
export function CompanyAndLanguage({ companies, current, language }: { companies: Company[] | undefined; current?: Company; language: string | undefined }) {
  return (
    <div class="form-row">
      <label>
        <span>{tr('console.contacts.company')}</span>
        <select name="companyId" required disabled={!companies}>
          {(companies ?? (current ? [current] : [])).map((company) => (
            <option key={company.id} value={company.id} selected={company.id === current?.id}>
              {company.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{tr('console.contacts.language')}</span>
        <select name="language">
          {LANGUAGE_CHOICES.map((choice) => (
            <option key={choice.code} value={choice.code} lang={choice.code} selected={choice.code === language}>
              {choice.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The mobile number that verification codes go to, which a contact may do without. */
export function PhoneField({ maxLength }: { maxLength: number }) {
  const hint = useId();
  return (
    <>
      <label>
        <span>{tr('console.contacts.phoneOptional')}</span>
        <input name="phone" type="tel" autocomplete="off" maxLength={maxLength} aria-describedby={hint} />
      </label>
      <p class="field-hint" id={hint}>
        {tr('console.contacts.phoneHint')}
      </p>
    </>
  );
}
