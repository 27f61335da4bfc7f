import type { Queryable } from '../transaction.js';

export type VerificationCodeRow = {
  id: string;
  code_hash: string;
  salt: string;
  attempts: number;
  expires_at: Date;
  used_at: Date | null;
  voided_at: Date | null;
};

/** What a code proves: one action of the user's, or the user's change of the phone on record. */
export type CodeSubject = { purpose: 'action'; actionId: string } | { purpose: 'phone_change'; contactId: string };

// The codes of one subject: those of an action, or the phone-change codes of a contact (which have no action).
function subjectFilter(subject: CodeSubject): { where: string; value: string } {
  return subject.purpose === 'action'
    ? { where: `purpose = 'action' AND action_id = $2`, value: subject.actionId }
    : { where: `purpose = 'phone_change' AND contact_id = $2`, value: subject.contactId };
}

export async function insertVerificationCode(
  q: Queryable,
  tenantId: string,
  input: { contactId: string; subject: CodeSubject; codeHash: string; salt: string; validSeconds: number },
): Promise<void> {
  const filter = subjectFilter(input.subject);
  // A new code replaces any earlier one for the same subject: only the latest text message counts.
  await q.query(`UPDATE verification_codes SET voided_at = now() WHERE tenant_id = $1 AND ${filter.where} AND used_at IS NULL AND voided_at IS NULL`, [
    tenantId,
    filter.value,
  ]);
  await q.query(
    `INSERT INTO verification_codes (tenant_id, contact_id, purpose, action_id, code_hash, salt, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
    [
      tenantId,
      input.contactId,
      input.subject.purpose,
      input.subject.purpose === 'action' ? input.subject.actionId : null,
      input.codeHash,
      input.salt,
      input.validSeconds,
    ],
  );
}

/** The latest code sent for a subject, locked for the check so two tries cannot both count as the one before the limit. */
export async function findLatestVerificationCode(q: Queryable, tenantId: string, subject: CodeSubject): Promise<VerificationCodeRow | undefined> {
  const filter = subjectFilter(subject);
  const { rows } = await q.query<VerificationCodeRow>(
    `SELECT id, code_hash, salt, attempts, expires_at, used_at, voided_at FROM verification_codes
     WHERE tenant_id = $1 AND ${filter.where} ORDER BY created_at DESC, id LIMIT 1 FOR UPDATE`,
    [tenantId, filter.value],
  );
  return rows[0];
}

export async function recordWrongCode(q: Queryable, tenantId: string, id: string, voidAfter: number): Promise<number> {
  const { rows } = await q.query<{ attempts: number }>(
    `UPDATE verification_codes SET attempts = attempts + 1, voided_at = CASE WHEN attempts + 1 >= $3 THEN now() ELSE voided_at END
     WHERE tenant_id = $1 AND id = $2 RETURNING attempts`,
    [tenantId, id, voidAfter],
  );
  return rows[0]!.attempts;
}

export async function markVerificationCodeUsed(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.query('UPDATE verification_codes SET used_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

/** Ends a contact's outstanding codes for a change of phone (they were sent to a phone no longer on record): they expire now. */
export async function expirePhoneChangeCodes(q: Queryable, tenantId: string, contactId: string): Promise<void> {
  await q.query(
    `UPDATE verification_codes SET expires_at = least(expires_at, now())
     WHERE tenant_id = $1 AND contact_id = $2 AND purpose = 'phone_change' AND used_at IS NULL AND voided_at IS NULL`,
    [tenantId, contactId],
  );
}
