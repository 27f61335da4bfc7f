import type pg from 'pg';
import type { ActionRequestRow } from '../../db/repositories/action-requests.js';
import { insertVerificationCode, type CodeSubject } from '../../db/repositories/verification-codes.js';
import { t } from '../../i18n/translate.js';
import type { ContactActor } from '../context.js';
import { hashCode, newCode } from './code-hash.js';
import { CODE_POLICY } from './code-policy.js';
import type { CodeSendLimiter } from './code-send-limiter.js';
import type { SmsSender } from './sms-sender.js';

export type VerificationDeps = { sms: SmsSender; codeLimiter: CodeSendLimiter };

/**
 * Sends a new code for a subject to a phone, within the user's sending allowance. The code is stored hashed before the
 * text leaves; if the text cannot be sent, the allowance is given back and the error (invalid_phone, sms_failed) goes
 * to the caller.
 */
async function sendCode(
  pool: pg.Pool,
  deps: VerificationDeps,
  tenantId: string,
  actor: ContactActor,
  subject: CodeSubject,
  phone: string,
  text: (code: string) => string,
): Promise<void> {
  await deps.codeLimiter.take(tenantId, actor.id);
  const code = newCode();
  const { hash, salt } = hashCode(code);
  await insertVerificationCode(pool, tenantId, { contactId: actor.id, subject, codeHash: hash, salt, validSeconds: CODE_POLICY.validSeconds });
  try {
    await deps.sms.send({ tenantId, to: phone, body: text(code) });
  } catch (error) {
    await deps.codeLimiter.giveBack(tenantId, actor.id);
    throw error;
  }
}

/** Sends a new code that verifies one action, naming the action and its device in the text. */
export async function sendVerificationCode(
  pool: pg.Pool,
  deps: VerificationDeps,
  tenantId: string,
  actor: ContactActor,
  action: ActionRequestRow,
  phone: string,
): Promise<void> {
  const what = action.kind === 'install' ? `${t(actor.language, 'assistant.action.install')} ${action.app_name ?? action.app_id}` : t(actor.language, `assistant.action.${action.kind}`);
  await sendCode(pool, deps, tenantId, actor, { purpose: 'action', actionId: action.id }, phone, (code) =>
    t(actor.language, 'sms.code', { code, action: what, device: action.device_name }),
  );
}

/** Sends a new code, to the phone on record, that lets the user replace that phone. */
export async function sendPhoneChangeCode(pool: pg.Pool, deps: VerificationDeps, tenantId: string, actor: ContactActor, phone: string): Promise<void> {
  await sendCode(pool, deps, tenantId, actor, { purpose: 'phone_change', contactId: actor.id }, phone, (code) => t(actor.language, 'sms.phone_change_code', { code }));
}
