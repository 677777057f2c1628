-- The latest events first (the wall's ticker on start-up: GET /api/wall/summary `recent`).
CREATE INDEX IF NOT EXISTS dispute_events_at_idx ON dispute_events (at DESC, id DESC);
