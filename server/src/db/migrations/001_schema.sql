-- 001: the district's geography, facilities, disputes and platform items.
-- Runs unchanged on PGlite + PostGIS and on PostgreSQL + PostGIS.
-- Every geometry is EPSG:4326; every large table carries district_code so the data can be split by district.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE dataset_meta (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE district (
  id            bigint PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  name          text NOT NULL,
  area_km2      double precision NOT NULL,
  population    integer NOT NULL,
  synthetic     boolean NOT NULL,
  provenance    text NOT NULL,
  geom          geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);

-- Neighbouring counties of 平凉市, real boundaries, for context on the basemap.
CREATE TABLE context_counties (
  id    bigint PRIMARY KEY,
  code  text NOT NULL UNIQUE,
  name  text NOT NULL,
  geom  geometry(MultiPolygon, 4326) NOT NULL
);

-- River and main roads, estimated lines (GEOGRAPHY.md), for the offline basemap.
CREATE TABLE context_lines (
  id    bigint PRIMARY KEY,
  code  text NOT NULL UNIQUE,
  name  text NOT NULL,
  kind  text NOT NULL CHECK (kind IN ('river', 'expressway', 'national_road')),
  geom  geometry(LineString, 4326) NOT NULL
);

CREATE TABLE towns (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('subdistrict', 'town', 'township')),
  households     integer NOT NULL CHECK (households >= 0),
  population     integer NOT NULL CHECK (population >= 0),
  seat           geometry(Point, 4326) NOT NULL,
  geom           geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);

CREATE TABLE villages (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  name           text NOT NULL,
  official_name  text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('community', 'village')),
  households     integer NOT NULL CHECK (households >= 0),
  population     integer NOT NULL CHECK (population >= 0),
  centre         geometry(Point, 4326) NOT NULL,
  geom           geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);

CREATE TABLE grids (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  village_code   text NOT NULL REFERENCES villages (code),
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('urban', 'rural')),
  households     integer NOT NULL CHECK (households >= 0),
  population     integer NOT NULL CHECK (population >= 0),
  worker_name    text NOT NULL,
  worker_phone   text NOT NULL,
  worker_type    text NOT NULL CHECK (worker_type IN ('full_time', 'part_time')),
  police_name    text NOT NULL,
  police_phone   text NOT NULL,
  cadre_name     text NOT NULL,
  cadre_phone    text NOT NULL,
  geom           geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);

-- A grid must lie inside its village. Coordinates are stored to 7 decimals (≈1 cm), so a grid may
-- stick out of its village by at most a 1 cm sliver along its outline: area outside ≤ 0.01 m × perimeter.
CREATE FUNCTION grid_inside_village() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE outside double precision;
BEGIN
  SELECT ST_Area(ST_Difference(NEW.geom, v.geom)::geography) INTO outside
    FROM villages v WHERE v.code = NEW.village_code;
  IF outside IS NULL OR outside > 0.01 * ST_Perimeter(NEW.geom::geography) THEN
    RAISE EXCEPTION 'grid % is not inside village % (% m² outside)', NEW.code, NEW.village_code, outside
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER grids_inside_village BEFORE INSERT OR UPDATE OF geom, village_code ON grids
  FOR EACH ROW EXECUTE FUNCTION grid_inside_village();

CREATE TABLE cameras (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  village_code   text NOT NULL REFERENCES villages (code),
  grid_code      text REFERENCES grids (code),
  program        text NOT NULL CHECK (program IN ('xueliang', 'pingan')),
  name           text NOT NULL,
  geom           geometry(Point, 4326) NOT NULL
);

CREATE TABLE monitoring_rooms (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  village_code   text NOT NULL REFERENCES villages (code),
  name           text NOT NULL,
  camera_count   integer NOT NULL,
  geom           geometry(Point, 4326) NOT NULL
);

CREATE TABLE police_stations (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  name           text NOT NULL,
  phone          text NOT NULL,
  geom           geometry(Point, 4326) NOT NULL
);

CREATE TABLE police_workrooms (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  village_code   text NOT NULL REFERENCES villages (code),
  station_code   text NOT NULL REFERENCES police_stations (code),
  name           text NOT NULL,
  officer_name   text NOT NULL,
  phone          text NOT NULL,
  geom           geometry(Point, 4326) NOT NULL
);

CREATE TABLE mediation_rooms (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  village_code   text NOT NULL REFERENCES villages (code),
  name           text NOT NULL,
  mediator_name  text NOT NULL,
  phone          text NOT NULL,
  geom           geometry(Point, 4326) NOT NULL
);

CREATE TABLE legal_stations (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  town_code      text NOT NULL REFERENCES towns (code),
  village_code   text NOT NULL REFERENCES villages (code),
  name           text NOT NULL,
  geom           geometry(Point, 4326) NOT NULL
);

CREATE TABLE governance_centres (
  id             bigint PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  district_code  text NOT NULL REFERENCES district (code),
  level          text NOT NULL CHECK (level IN ('district', 'town', 'village')),
  town_code      text REFERENCES towns (code),
  village_code   text REFERENCES villages (code),
  name           text NOT NULL,
  geom           geometry(Point, 4326) NOT NULL
);

CREATE TABLE disputes (
  id              bigint PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  district_code   text NOT NULL REFERENCES district (code),
  town_code       text NOT NULL REFERENCES towns (code),
  village_code    text NOT NULL REFERENCES villages (code),
  grid_code       text NOT NULL REFERENCES grids (code),
  type            text NOT NULL,
  criminal_risk   boolean NOT NULL,
  status          text NOT NULL CHECK (status IN ('reported', 'accepted', 'mediating', 'escalated', 'transferred', 'resolved')),
  level           text NOT NULL CHECK (level IN ('village', 'town', 'department')),
  reported_at     timestamptz NOT NULL,
  resolved_at     timestamptz CHECK (resolved_at IS NULL OR resolved_at >= reported_at),
  due_at          timestamptz NOT NULL,
  outcome         text,
  summary         text NOT NULL,
  parties         jsonb NOT NULL,
  party_key       text NOT NULL,
  place_key       text NOT NULL,
  repeat_of       bigint REFERENCES disputes (id),
  handler_unit    text NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  geom            geometry(Point, 4326) NOT NULL,
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);

-- Append-only history of every dispute: who, when, what.
CREATE TABLE dispute_events (
  id             bigint PRIMARY KEY,
  dispute_id     bigint NOT NULL REFERENCES disputes (id),
  district_code  text NOT NULL REFERENCES district (code),
  seq            integer NOT NULL,
  at             timestamptz NOT NULL,
  action         text NOT NULL,
  from_status    text,
  to_status      text NOT NULL,
  level          text NOT NULL,
  actor          text NOT NULL,
  note           text,
  UNIQUE (dispute_id, seq)
);

-- Platform items (事项) by grid and day: "all quiet" check-ins, information reports,
-- population-record updates and key-group visits.
CREATE TABLE grid_daily_items (
  district_code       text NOT NULL REFERENCES district (code),
  grid_code           text NOT NULL REFERENCES grids (code),
  day                 date NOT NULL,
  quiet_reports       smallint NOT NULL CHECK (quiet_reports >= 0),
  info_reports        smallint NOT NULL CHECK (info_reports >= 0),
  population_updates  smallint NOT NULL CHECK (population_updates >= 0),
  key_visits          smallint NOT NULL CHECK (key_visits >= 0),
  PRIMARY KEY (grid_code, day)
);
