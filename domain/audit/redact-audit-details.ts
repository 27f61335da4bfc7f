export const REDACTED = '[redacted]';

// Names under which a credential would sit. Audit rows are written without them; this keeps any that slips in, today's or
// a future writer's, out of every answer.
const SECRET_KEY = /passw|passphrase|passcode|^pass$|secret|token|api_?key|authoriz|cookie|credential|^code$|^otp$|private_?key/i;
// An id names a record and is no secret, even a token's.
const ID_KEY = /Ids?$/;

/** A key, or a dotted path of an edit's field (`embed.secret`), under which a credential would sit. */
function isSecretKey(key: string): boolean {
  return key.split('.').some((part) => SECRET_KEY.test(part) && !ID_KEY.test(part));
}

function isChange(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'from' && keys[1] === 'to';
}

/**
 * The details with the value under every secret-looking key replaced, at any depth. The edit of a secret keeps its
 * shape, both sides hidden, so the log still says that it changed.
 */
export function redactAuditDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactAuditDetails);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (!isSecretKey(key)) return [key, redactAuditDetails(item)];
      return [key, isChange(item) ? { from: REDACTED, to: REDACTED } : REDACTED];
    }),
  );
}
