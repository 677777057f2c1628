-- Analysts' area reports: the definition of a report (the area drawn or picked, the period, the
-- camera distance), saved so that a link reopens the same report. The figures are computed from the
-- data each time it is opened, in the scope of whoever opens it.
CREATE TABLE area_reports (
  id          bigserial PRIMARY KEY,
  created_at  timestamptz NOT NULL,
  user_id     bigint,
  username    text NOT NULL,
  title       text,
  -- What was drawn or picked, as sent: {"type": "Polygon" | "MultiPolygon" | "Circle", ...} or {"areas": [codes]}.
  shape       jsonb NOT NULL,
  geom        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  from_month  text NOT NULL CHECK (from_month ~ '^[0-9]{4}-[0-9]{2}$'),
  to_month    text NOT NULL CHECK (to_month ~ '^[0-9]{4}-[0-9]{2}$' AND to_month >= from_month),
  camera_m    integer NOT NULL CHECK (camera_m BETWEEN 10 AND 2000)
);
