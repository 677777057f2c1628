-- Idempotent writes: the answer to a write sent with an Idempotency-Key, stored in the same
-- transaction as the write, so a retry (same key, same request) gets the same answer and writes nothing.
CREATE TABLE idempotency_keys (
  key         text PRIMARY KEY,
  fingerprint text NOT NULL,          -- sha256 of method, path and body: the same key for another request is refused
  status      smallint NOT NULL,
  location    text,
  body        text NOT NULL,           -- the exact JSON text sent, so a replay is byte-identical
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
