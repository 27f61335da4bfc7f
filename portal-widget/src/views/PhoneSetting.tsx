// Settings: the mobile phone that receives the verification codes. A first number is saved as typed; a saved one is
// the second factor, so replacing it takes the password and a code texted to it (the server's two-step change).
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { confirmPhoneChange, requestPhoneChange, savePhone } from '../api/self-service.js';
import { tr } from '../i18n/i18n.js';
import { LabelledInput } from '../components/LabelledInput.js';
import { me, reloadMe } from '../store/session.js';

/** After these refusals the code cannot be used any more. */
const NEEDS_NEW_CODE = new Set(['code_expired', 'too_many_attempts']);

type Step = 'view' | 'password' | 'code';
type Errors = { phone?: string; password?: string; code?: string; form?: string };

/** Refusals about one field are shown under it; the others under the form. */
const FIELD_OF: Record<string, keyof Errors> = {
  invalid_phone: 'phone',
  phone_already_set: 'phone',
  wrong_password: 'password',
  invalid_code: 'code',
};


export function PhoneSetting({ hidden }: { hidden: boolean }) {
  const saved = me.value?.phone ?? null;
  const [step, setStep] = useState<Step>('view');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState('');
  const [pending, setPending] = useState(false);
  const phoneInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useRef<RefObject<HTMLElement | null>>(undefined);

  // A number saved from an action card meanwhile shows here when the tab opens.
  useEffect(() => {
    if (!hidden) void reloadMe();
  }, [hidden]);

  useLayoutEffect(() => {
    focusAfterRender.current?.current?.focus();
    focusAfterRender.current = undefined;
  });

  function go(next: Step, focus?: RefObject<HTMLElement | null>) {
    setStep(next);
    setErrors({});
    setDone('');
    setPassword('');
    setCode('');
    if (next !== 'code') setPhone('');
    focusAfterRender.current = focus;
  }

  /** Shows the refusal next to its field and puts the keyboard there. */
  function refuse(error: { code: string; message: string }) {
    const field = FIELD_OF[error.code] ?? 'form';
    setErrors({ [field]: error.message || tr('selfService.failed') });
    const input = { phone: phoneInput, password: passwordInput, code: codeInput, form: undefined }[field];
    input?.current?.focus();
  }

  async function run<T>(call: () => Promise<T>): Promise<T> {
    setPending(true);
    setDone('');
    try {
      return await call();
    } finally {
      setPending(false);
    }
  }

  async function saveFirst(event: Event) {
    event.preventDefault();
    if (pending) return;
    if (!phone.trim()) return refuse({ code: 'invalid_phone', message: tr('settings.phone.missing') });
    const answer = await run(() => savePhone(phone.trim()));
    if (!answer.ok) return refuse(answer.error);
    await reloadMe();
    go('view', changeButton);
    setDone(tr('settings.phone.saved'));
  }

  async function sendCode(event: Event) {
    event.preventDefault();
    if (pending) return;
    if (!password) return refuse({ code: 'wrong_password', message: tr('settings.phone.passwordMissing') });
    const answer = await run(() => requestPhoneChange(password));
    if (!answer.ok) {
      setPassword('');
      return refuse(answer.error);
    }
    go('code', phoneInput);
  }

  async function confirm(event: Event) {
    event.preventDefault();
    if (pending) return;
    const typed = code.replace(/\s/g, '');
    if (!phone.trim()) return refuse({ code: 'invalid_phone', message: tr('settings.phone.missing') });
    if (!/^\d{6}$/.test(typed)) return refuse({ code: 'invalid_code', message: tr('settings.phone.codeFormat') });
    const answer = await run(() => confirmPhoneChange(typed, phone.trim()));
    if (!answer.ok && NEEDS_NEW_CODE.has(answer.error.code)) {
      // A new code takes the password again.
      go('password', passwordInput);
      setErrors({ form: answer.error.message });
      return;
    }
    if (!answer.ok) {
      setCode('');
      return refuse(answer.error);
    }
    await reloadMe();
    go('view', changeButton);
    setDone(tr('settings.phone.changed'));
  }

  const busy = pending ? 'true' : undefined;
  const cancel = (
    <button type="button" class="secondary" onClick={() => go('view', changeButton)}>
      {tr('settings.phone.cancel')}
    </button>
  );
  const formError = errors.form && (
    <p class="inline-error" role="alert">
      {errors.form}
    </p>
  );

  return (
    <section class="setting phone-setting" aria-labelledby="settings-phone-title" aria-busy={busy}>
      <h2 id="settings-phone-title">{tr('settings.phone.title')}</h2>
      <p class="hint">{tr('settings.phone.intro')}</p>
      {saved === null ? (
        <form class="phone-form" noValidate onSubmit={(event) => void saveFirst(event)}>
          <p class="phone-current">{tr('settings.phone.none')}</p>
          <LabelledInput
            id="settings-phone-new"
            label={tr('settings.phone.label')}
            hint={tr('settings.phone.hint')}
            error={errors.phone}
            inputRef={phoneInput}
            value={phone}
            onValue={setPhone}
            fieldClass="phone-field"
            input={{ type: 'tel', autocomplete: 'tel', inputMode: 'tel', maxLength: 40 }}
          />
          <button type="submit" aria-disabled={busy}>
            {tr('settings.phone.save')}
          </button>
          {formError}
        </form>
      ) : (
        <>
          <p class="phone-current">
            {tr('settings.phone.current')} <strong class="phone-masked">{saved}</strong>
          </p>
          {step === 'view' && (
            <button type="button" class="secondary" ref={changeButton} onClick={() => go('password', passwordInput)}>
              {tr('settings.phone.change')}
            </button>
          )}
          {step === 'password' && (
            <form class="phone-form" noValidate onSubmit={(event) => void sendCode(event)}>
              <p>{tr('settings.phone.passwordIntro')}</p>
              <LabelledInput
                id="settings-phone-password"
                label={tr('settings.phone.password')}
                error={errors.password}
                inputRef={passwordInput}
                value={password}
                onValue={setPassword}
                fieldClass="phone-field"
                input={{ type: 'password', autocomplete: 'current-password', maxLength: 1024 }}
              />
              <div class="phone-buttons">
                <button type="submit" aria-disabled={busy}>
                  {tr('settings.phone.sendCode')}
                </button>
                {cancel}
              </div>
              {formError}
            </form>
          )}
          {step === 'code' && (
            <form class="phone-form" noValidate onSubmit={(event) => void confirm(event)}>
              <p>{tr('settings.phone.codeIntro')}</p>
              <LabelledInput
                id="settings-phone-replacement"
                label={tr('settings.phone.newLabel')}
                hint={tr('settings.phone.hint')}
                error={errors.phone}
                inputRef={phoneInput}
                value={phone}
                onValue={setPhone}
                fieldClass="phone-field"
                input={{ type: 'tel', autocomplete: 'tel', inputMode: 'tel', maxLength: 40 }}
              />
              <LabelledInput
                id="settings-phone-code"
                label={tr('settings.phone.code')}
                hint={tr('settings.phone.codeHint')}
                error={errors.code}
                inputRef={codeInput}
                value={code}
                onValue={setCode}
                keep={(typed) => typed.replace(/\D/g, '').slice(0, 6)}
                fieldClass="phone-field"
                input={{ type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric', maxLength: 6, pattern: '[0-9]{6}' }}
              />
              <div class="phone-buttons">
                <button type="submit" aria-disabled={busy}>
                  {tr('settings.phone.confirm')}
                </button>
                {cancel}
              </div>
              {formError}
            </form>
          )}
        </>
      )}
      <p class="saved" role="status">
        {done}
      </p>
    </section>
  );
}
