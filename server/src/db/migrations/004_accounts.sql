-- 004: accounts, sessions, wall-display credentials and the audit log (issue 5).
-- Runs unchanged on PGlite + PostGIS and on PostgreSQL + PostGIS.

-- Who may log in. Passwords are stored only as scrypt hashes (domain/password-hash.ts); demo accounts
-- exist only with the generated demo data (db/seed-accounts.ts) and are marked synthetic.
CREATE TABLE users (
  id             bigserial PRIMARY KEY,
  username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  display_name   text NOT NULL,
  role           text NOT NULL CHECK (role IN ('commander', 'town_leader', 'grid_worker', 'department_officer', 'analyst', 'display')),
  -- The district code (commander), a town code, a grid code or a department code; null for analysts and displays.
  unit           text CHECK (unit IS NOT NULL OR role IN ('analyst', 'display')),
  password_hash  text,
  disabled       boolean NOT NULL DEFAULT false,
  synthetic      boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- A long-lived credential for a wall display: the token is shown once, only its SHA-256 is kept.
CREATE TABLE display_credentials (
  id          bigserial PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id),
  label       text NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);

-- Server-side sessions; the id is the SHA-256 (hex) of the cookie's token, so a leaked table gives no usable cookie.
CREATE TABLE sessions (
  id                     text PRIMARY KEY,
  user_id                bigint NOT NULL REFERENCES users (id),
  kind                   text NOT NULL CHECK (kind IN ('browser', 'display')),
  display_credential_id  bigint REFERENCES display_credentials (id),
  created_at             timestamptz NOT NULL,
  expires_at             timestamptz NOT NULL CHECK (expires_at > created_at),
  last_seen_at           timestamptz NOT NULL,
  revoked_at             timestamptz,
  user_agent             text,
  ip                     text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_credential_idx ON sessions (display_credential_id) WHERE display_credential_id IS NOT NULL;

-- Who did what, when and from where. No foreign key on user_id: the log outlives the accounts.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL,
  user_id      bigint,
  username     text,
  role         text,
  action       text NOT NULL,
  target_kind  text,
  target_id    text,
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip           text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);

-- Append-only, like the histories (refuse_history_change from 003).
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
