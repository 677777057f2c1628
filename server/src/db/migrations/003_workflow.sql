-- 003: the dispute workflow and two-way transfer letters (双向流转).
-- Runs unchanged on PGlite + PostGIS and on PostgreSQL + PostGIS.

-- New ids for reported disputes and their events. The seed writes explicit ids and then moves these
-- sequences past them (db/seed.ts); for a database seeded before this migration, move them now.
CREATE SEQUENCE disputes_id_seq;
CREATE SEQUENCE dispute_events_id_seq;
SELECT setval('disputes_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM disputes), false);
SELECT setval('dispute_events_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM dispute_events), false);
ALTER TABLE disputes ALTER COLUMN id SET DEFAULT nextval('disputes_id_seq');
ALTER TABLE dispute_events ALTER COLUMN id SET DEFAULT nextval('dispute_events_id_seq');

-- Who acted, as the API knows them (role and unit code); null for the generated history.
ALTER TABLE dispute_events ADD COLUMN actor_role text;
ALTER TABLE dispute_events ADD COLUMN actor_unit text;

CREATE TABLE transfers (
  id             bigserial PRIMARY KEY,
  district_code  text NOT NULL REFERENCES district (code),
  dispute_id     bigint NOT NULL REFERENCES disputes (id),
  kind           text NOT NULL CHECK (kind IN ('prompt', 'assist')),
  -- A town code (9 digits) or a department code (domain/departments.ts).
  sender_unit    text NOT NULL,
  receiver_unit  text NOT NULL,
  message        text NOT NULL,
  reason         text,
  status         text NOT NULL CHECK (status IN ('sent', 'received', 'in_progress', 'done')),
  due_at         timestamptz NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  done_at        timestamptz CHECK (done_at IS NULL OR done_at >= created_at),
  version        integer NOT NULL DEFAULT 1,
  CHECK ((status = 'done') = (done_at IS NOT NULL)),
  CHECK (sender_unit <> receiver_unit)
);
CREATE INDEX transfers_receiver_idx ON transfers (receiver_unit, status);
CREATE INDEX transfers_sender_idx ON transfers (sender_unit, status);
CREATE INDEX transfers_dispute_idx ON transfers (dispute_id);
CREATE INDEX transfers_open_idx ON transfers (status) WHERE status <> 'done';

-- Append-only history of every letter.
CREATE TABLE transfer_events (
  id           bigserial PRIMARY KEY,
  transfer_id  bigint NOT NULL REFERENCES transfers (id),
  seq          integer NOT NULL,
  at           timestamptz NOT NULL,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  actor_role   text NOT NULL,
  actor_unit   text NOT NULL,
  note         text,
  UNIQUE (transfer_id, seq)
);

-- History is never rewritten: updates and deletes of events are refused (TRUNCATE, used by a re-seed, is not a row change).
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER dispute_events_append_only BEFORE UPDATE OR DELETE ON dispute_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER transfer_events_append_only BEFORE UPDATE OR DELETE ON transfer_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
