import { useState } from 'preact/hooks';
import type { Language } from '../../../i18n/languages.js';
import { LANGUAGE_NAMES, LANGUAGES, language, tr } from '../i18n/i18n.js';
import { chooseLanguage, me } from '../store/session.js';
import { PhoneSetting } from './PhoneSetting.js';

export function SettingsView({ hidden }: { hidden: boolean }) {
  const [outcome, setOutcome] = useState<{ saved: true } | { error: string }>();
  const [saving, setSaving] = useState(false);

  async function change(next: Language) {
    setSaving(true);
    setOutcome(undefined);
    const refused = await chooseLanguage(next);
    setSaving(false);
    setOutcome(refused === undefined ? { saved: true } : { error: refused });
  }

  return (
    <section id="settings" class="card settings" role="tabpanel" aria-labelledby="tab-settings" hidden={hidden}>
      <h1>{tr('shell.settings.title')}</h1>
      <div class="setting">
        <label for="settings-language">{tr('shell.settings.language')}</label>
        <select
          id="settings-language"
          value={language.value}
          aria-describedby="settings-language-hint"
          aria-busy={saving ? 'true' : undefined}
          onChange={(event) => void change(event.currentTarget.value as Language)}
        >
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
        <p id="settings-language-hint" class="hint">
          {tr('shell.settings.languageHint')}
        </p>
        <p class={outcome && 'error' in outcome ? 'error' : 'saved'} role="status">
          {outcome ? ('error' in outcome ? outcome.error : tr('shell.settings.saved')) : ''}
        </p>
      </div>
      {me.value?.user.kind === 'contact' && me.value.sections.selfService && <PhoneSetting hidden={hidden} />}
    </section>
  );
}
