-- Usernames and emails are stored in one canonical form (NFKC, then case folded: domain/auth/canonical-username.ts)
-- and compared with plain equality, so that exactly one spelling reaches an account and its login throttle.
-- Rows written before were stored as typed; they are folded here as the code folds them, including the letters where
-- PostgreSQL's lower() is not case folding (İ keeps its dot, ß is ss, a final sigma is σ).
CREATE FUNCTION pg_temp.canonical_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT normalize(
    lower(replace(replace(replace(replace(normalize(btrim(name), NFKC), 'İ', 'i' || chr(775)), 'ß', 'ss'), 'ẞ', 'ss'), 'ς', 'σ')),
    NFKC)
$$;

UPDATE contacts SET username = pg_temp.canonical_name(username), email = pg_temp.canonical_name(email);
UPDATE technicians SET username = pg_temp.canonical_name(username), email = pg_temp.canonical_name(email);

DROP INDEX contacts_username;
CREATE UNIQUE INDEX contacts_username ON contacts (tenant_id, username);
DROP INDEX technicians_username;
CREATE UNIQUE INDEX technicians_username ON technicians (tenant_id, username);
