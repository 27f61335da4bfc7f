-- A verification code proves either one action or a change of the phone on record; a phone-change code has no action.
ALTER TABLE verification_codes ADD COLUMN purpose text NOT NULL DEFAULT 'action';
ALTER TABLE verification_codes ALTER COLUMN action_id DROP NOT NULL;
ALTER TABLE verification_codes ADD CONSTRAINT verification_codes_purpose
  CHECK ((purpose = 'action' AND action_id IS NOT NULL) OR (purpose = 'phone_change' AND action_id IS NULL));

-- An enrollment token is single-use unless a technician chose a count for a rollout. Tokens made before this version
-- had no count: one never used keeps its one enrollment, one already used is spent.
ALTER TABLE enrollment_tokens ADD COLUMN max_uses integer;
UPDATE enrollment_tokens SET max_uses = GREATEST(uses, 1);
ALTER TABLE enrollment_tokens ALTER COLUMN max_uses SET NOT NULL;
ALTER TABLE enrollment_tokens ALTER COLUMN max_uses SET DEFAULT 1;
ALTER TABLE enrollment_tokens ADD CONSTRAINT enrollment_tokens_uses CHECK (max_uses >= 1 AND uses <= max_uses);
CREATE INDEX enrollment_tokens_recent ON enrollment_tokens (tenant_id, created_at DESC);

-- The outbox is purged by age across tenants.
CREATE INDEX sms_outbox_age ON sms_outbox (created_at);
