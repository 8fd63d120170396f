-- The community service directory: the Open Referral UK 3.0 (HSDS 3.0) model, with Waymark's own
-- fields beside it. organisation_id is the tenant that holds the listing (the deployment for imported
-- public feeds, a VCS organisation for listings it keeps itself); it leads every key (ADR 3). The
-- directory is published data, read across holders by search and the ORUK API (ADR 8).
-- Nested ORUK collections that are only ever read with their parent (contacts and phones, cost
-- options, languages, funding, service areas, required documents, addresses, accessibility,
-- identifiers) are kept as JSON arrays in ORUK shape on the parent row.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE directory_organization (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  name              TEXT NOT NULL CHECK (length(btrim(name)) > 0),
  description       TEXT NOT NULL DEFAULT '',
  email             TEXT,
  website           TEXT,
  logo              TEXT,
  uri               TEXT,
  parent_id         UUID,
  identifiers       JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(identifiers) = 'array'),
  source            TEXT NOT NULL,
  source_id         TEXT NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_modified     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, source, source_id)
);

CREATE TABLE directory_service (
  organisation_id      UUID NOT NULL,
  id                   UUID NOT NULL,
  directory_organization_id UUID,
  name                 TEXT NOT NULL CHECK (length(btrim(name)) > 0),
  description          TEXT NOT NULL DEFAULT '',
  url                  TEXT,
  email                TEXT,
  status               TEXT NOT NULL DEFAULT 'active'
                         CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
  fees                 TEXT,
  accreditations       TEXT,
  minimum_age          INTEGER CHECK (minimum_age BETWEEN 0 AND 130),
  maximum_age          INTEGER CHECK (maximum_age BETWEEN 0 AND 130),
  assured_date         DATE,
  assurer_email        TEXT,
  alert                TEXT,
  -- contacts (with phones), cost_options, languages, funding, service_areas, required_documents
  details              JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  free_of_charge       BOOLEAN,
  -- Waymark's own fields
  accepting_referrals  TEXT NOT NULL DEFAULT 'YES' CHECK (accepting_referrals IN ('YES', 'PAUSED', 'NO')),
  referral_method      TEXT NOT NULL DEFAULT 'SIGNPOST'
                         CHECK (referral_method IN ('SIGNPOST', 'WAYMARK', 'EMAIL', 'EXTERNAL_FORM')),
  referral_email       TEXT,
  referral_form_url    TEXT,
  capacity             INTEGER CHECK (capacity >= 0),
  answer_days          INTEGER NOT NULL DEFAULT 10 CHECK (answer_days BETWEEN 1 AND 90),
  last_verified_at     TIMESTAMPTZ,
  last_verified_by     TEXT,
  source               TEXT NOT NULL,
  source_id            TEXT NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_modified        TIMESTAMPTZ NOT NULL DEFAULT now(),
  version              INTEGER NOT NULL DEFAULT 0,
  -- Kept up to date by the application with the text of the service's taxonomy terms, so that a
  -- search for "befriending" finds services tagged with that term.
  taxonomy_text        TEXT NOT NULL DEFAULT '',
  search_vector        TSVECTOR GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', coalesce(name, '')), 'A')
                         || setweight(to_tsvector('english', coalesce(taxonomy_text, '')), 'B')
                         || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, source, source_id),
  FOREIGN KEY (organisation_id, directory_organization_id) REFERENCES directory_organization (organisation_id, id),
  CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
  CHECK (referral_method <> 'EMAIL' OR referral_email IS NOT NULL),
  CHECK (referral_method <> 'EXTERNAL_FORM' OR referral_form_url IS NOT NULL)
);
CREATE INDEX directory_service_search_ix ON directory_service USING gin (search_vector);
CREATE INDEX directory_service_name_trgm_ix ON directory_service USING gin (lower(name) gin_trgm_ops);
CREATE INDEX directory_service_modified_ix ON directory_service (last_modified);
CREATE INDEX directory_service_org_ix ON directory_service (organisation_id, directory_organization_id);

CREATE TABLE directory_location (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  location_type     TEXT NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
  name              TEXT,
  description       TEXT,
  latitude          DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
  longitude         DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
  -- Set when the coordinates came from the postcode directory rather than the source.
  geocoded_from_postcode BOOLEAN NOT NULL DEFAULT FALSE,
  postcode          TEXT,
  external_identifier      TEXT,
  external_identifier_type TEXT,
  addresses         JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(addresses) = 'array'),
  accessibility     JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(accessibility) = 'array'),
  source            TEXT NOT NULL,
  source_id         TEXT NOT NULL,
  last_modified     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, source, source_id),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
-- Distance search: a bounding box on indexed coordinates, then the exact distance (no PostGIS).
CREATE INDEX directory_location_coordinates_ix ON directory_location (latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX directory_location_postcode_ix ON directory_location (postcode);

CREATE TABLE directory_service_at_location (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  service_id        UUID NOT NULL,
  location_id       UUID NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, service_id, location_id),
  FOREIGN KEY (organisation_id, service_id) REFERENCES directory_service (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, location_id) REFERENCES directory_location (organisation_id, id)
);
CREATE INDEX directory_sal_location_ix ON directory_service_at_location (organisation_id, location_id);

-- Opening times as iCalendar-style rules (ORUK schedule): weekly on days (byday, e.g. 'MO,WE'),
-- monthly on days (bymonthday), between opens_at and closes_at, within valid_from..valid_to (seasons).
CREATE TABLE directory_schedule (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  service_id        UUID NOT NULL,
  service_at_location_id UUID,
  valid_from        DATE,
  valid_to          DATE,
  dtstart           DATE,
  freq              TEXT CHECK (freq IN ('WEEKLY', 'MONTHLY')),
  interval          INTEGER CHECK (interval >= 1),
  byday             TEXT,
  bymonthday        TEXT,
  description       TEXT,
  opens_at          TIME,
  closes_at         TIME,
  schedule_link     TEXT,
  attending_type    TEXT,
  notes             TEXT,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, service_id) REFERENCES directory_service (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, service_at_location_id)
    REFERENCES directory_service_at_location (organisation_id, id) ON DELETE CASCADE,
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX directory_schedule_service_ix ON directory_schedule (organisation_id, service_id);

CREATE TABLE directory_taxonomy (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  name              TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  uri               TEXT,
  version           TEXT,
  source            TEXT NOT NULL,
  source_id         TEXT NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, source, source_id)
);

CREATE TABLE directory_taxonomy_term (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  taxonomy_id       UUID,
  parent_id         UUID,
  code              TEXT,
  name              TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  term_uri          TEXT,
  source            TEXT NOT NULL,
  source_id         TEXT NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, source, source_id),
  FOREIGN KEY (organisation_id, taxonomy_id) REFERENCES directory_taxonomy (organisation_id, id),
  FOREIGN KEY (organisation_id, parent_id) REFERENCES directory_taxonomy_term (organisation_id, id)
);
CREATE INDEX directory_taxonomy_term_parent_ix ON directory_taxonomy_term (organisation_id, parent_id);

-- ORUK attributes: a taxonomy term applied to a service (link_type 'service').
CREATE TABLE directory_service_term (
  organisation_id   UUID NOT NULL,
  service_id        UUID NOT NULL,
  taxonomy_term_id  UUID NOT NULL,
  PRIMARY KEY (organisation_id, service_id, taxonomy_term_id),
  FOREIGN KEY (organisation_id, service_id) REFERENCES directory_service (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, taxonomy_term_id) REFERENCES directory_taxonomy_term (organisation_id, id)
);
CREATE INDEX directory_service_term_term_ix ON directory_service_term (organisation_id, taxonomy_term_id);

-- Need domains ("what matters to me") a service meets: suggested by the importer with its reason,
-- confirmed or changed by a curator.
CREATE TABLE directory_service_need (
  organisation_id   UUID NOT NULL,
  service_id        UUID NOT NULL,
  need              TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('SUGGESTED', 'CONFIRMED')),
  reason            TEXT,
  decided_by        TEXT,
  decided_at        TIMESTAMPTZ,
  PRIMARY KEY (organisation_id, service_id, need),
  FOREIGN KEY (organisation_id, service_id) REFERENCES directory_service (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX directory_service_need_need_ix ON directory_service_need (need, organisation_id);

-- Every change to a listing: who, when, what (field names and old and new values; listings are
-- public information, not personal data).
CREATE TABLE directory_change (
  organisation_id   UUID NOT NULL,
  id                BIGSERIAL NOT NULL,
  service_id        UUID NOT NULL,
  changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  changed_by        TEXT NOT NULL,
  change            TEXT NOT NULL,
  changes           JSONB NOT NULL DEFAULT '{}',
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX directory_change_service_ix ON directory_change (organisation_id, service_id, changed_at);

-- Imports and their per-record reports, kept for administrators.
CREATE TABLE directory_import (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('ORUK_FEED', 'ORUK_API', 'ORUK_CSV', 'POSTCODES')),
  source            TEXT NOT NULL,
  started_by        TEXT,
  started_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at       TIMESTAMPTZ,
  status            TEXT NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
  created           INTEGER NOT NULL DEFAULT 0,
  updated           INTEGER NOT NULL DEFAULT 0,
  unchanged         INTEGER NOT NULL DEFAULT 0,
  skipped           INTEGER NOT NULL DEFAULT 0,
  failed            INTEGER NOT NULL DEFAULT 0,
  message           TEXT,
  PRIMARY KEY (organisation_id, id)
);

CREATE TABLE directory_import_record (
  organisation_id   UUID NOT NULL,
  import_id         UUID NOT NULL,
  seq               INTEGER NOT NULL,
  source_id         TEXT,
  name              TEXT,
  outcome           TEXT NOT NULL CHECK (outcome IN ('CREATED', 'UPDATED', 'UNCHANGED', 'SKIPPED', 'FAILED')),
  reason            TEXT,
  PRIMARY KEY (organisation_id, import_id, seq),
  FOREIGN KEY (organisation_id, import_id) REFERENCES directory_import (organisation_id, id) ON DELETE CASCADE
);

-- ONS Postcode Directory (pcds, lat, long), imported by an administrator. Reference data, the same
-- for every tenant.
CREATE TABLE postcode_location (
  postcode          TEXT PRIMARY KEY,
  latitude          DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude         DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);

-- Harvested ORUK APIs, re-harvested on a schedule with modified_after.
CREATE TABLE directory_harvest_source (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  base_url          TEXT NOT NULL,
  name              TEXT NOT NULL,
  every_hours       INTEGER NOT NULL DEFAULT 24 CHECK (every_hours >= 1),
  last_harvested_at TIMESTAMPTZ,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, base_url)
);
