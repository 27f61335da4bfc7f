export const REDACTED = '[redacted]';

// Names under which a credential would sit. Audit rows are written without them; this keeps any that slips in, today's or
// a future writer's, out of every answer.
const SECRET_KEY = /passw|passphrase|passcode|^pass$|secret|token|api_?key|authoriz|cookie|credential|^code$|^otp$|private_?key/i;
// An id names a record and is no secret, even a token's.
const ID_KEY = /Ids?$/;

/** The details with the value under every secret-looking key replaced, at any depth. */
export function redactAuditDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactAuditDetails);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) && !ID_KEY.test(key) ? REDACTED : redactAuditDetails(item)]),
  );
}
