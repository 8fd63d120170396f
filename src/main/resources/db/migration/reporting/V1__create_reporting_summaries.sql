-- The reporting module's own summaries (ADR 19), rebuilt per tenant from the other modules' published
-- reporting views. Dashboards read only these tables. Every row carries the tenant (the PCN that
-- received the referral) first in its key.

-- One row per referral, with what the dashboards count and filter by.
CREATE TABLE report_referral (
  organisation_id       UUID NOT NULL,
  referral_id           UUID NOT NULL,
  -- Only to count people rather than referrals (the national indicator); never shown.
  person_id             UUID NOT NULL,
  received_on           DATE NOT NULL,
  source                TEXT NOT NULL,
  channel               TEXT NOT NULL,
  needs                 TEXT[] NOT NULL,
  status                TEXT NOT NULL,
  practice_id           UUID,
  -- At the date of referral: 0-17, 18-24, ..., 85+; null when not known.
  age_band              TEXT,
  sex                   TEXT,
  -- The ONS 2021 high-level group (ASIAN, BLACK, MIXED, WHITE, OTHER) or PREFER_NOT_TO_SAY; null when not asked.
  ethnic_group          TEXT,
  -- Index of Multiple Deprivation decile of the person's postcode (1 most deprived); null when not known.
  imd_decile            SMALLINT CHECK (imd_decile BETWEEN 1 AND 10),
  case_id               UUID,
  link_worker_id        UUID,
  case_status           TEXT,
  opened_on             DATE,
  first_contact_on      DATE,
  days_to_first_contact INTEGER,
  closed_on             DATE,
  closure_reason        TEXT,
  contacts              INTEGER NOT NULL DEFAULT 0,
  attended              INTEGER NOT NULL DEFAULT 0,
  missed                INTEGER NOT NULL DEFAULT 0,
  cancelled             INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, referral_id)
);
CREATE INDEX report_referral_received_ix ON report_referral (organisation_id, received_on);

-- Contacts per case and month (the month the contact took place in, Europe/London).
CREATE TABLE report_contact_month (
  organisation_id UUID NOT NULL,
  case_id         UUID NOT NULL,
  month           DATE NOT NULL,
  referral_id     UUID NOT NULL,
  link_worker_id  UUID NOT NULL,
  practice_id     UUID,
  needs           TEXT[] NOT NULL,
  contacts        INTEGER NOT NULL,
  attended        INTEGER NOT NULL,
  missed          INTEGER NOT NULL,
  cancelled       INTEGER NOT NULL,
  planned         INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, case_id, month)
);
CREATE INDEX report_contact_month_month_ix ON report_contact_month (organisation_id, month);

-- One row per onward referral to a community service.
CREATE TABLE report_connection (
  organisation_id   UUID NOT NULL,
  connection_id     UUID NOT NULL,
  referral_id       UUID NOT NULL,
  requested_on      DATE NOT NULL,
  service_id        UUID NOT NULL,
  service_name      TEXT NOT NULL,
  service_holder_id UUID NOT NULL,
  service_org_name  TEXT,
  status            TEXT NOT NULL,
  status_reason     TEXT,
  answered_on       DATE,
  -- Calendar days from the request to the service's first answer.
  days_to_answer    INTEGER,
  answered_in_time  BOOLEAN,
  attended          BOOLEAN NOT NULL,
  ended_on          DATE,
  practice_id       UUID,
  link_worker_id    UUID,
  needs             TEXT[] NOT NULL,
  PRIMARY KEY (organisation_id, connection_id)
);
CREATE INDEX report_connection_requested_ix ON report_connection (organisation_id, requested_on);
-- A VCS coordinator's figures cross tenants: the referrals to their organisation from every PCN.
CREATE INDEX report_connection_holder_ix ON report_connection (service_holder_id, requested_on);

-- Per referral, instrument and score: the first score, at discharge and at follow-up.
CREATE TABLE report_wellbeing (
  organisation_id UUID NOT NULL,
  referral_id     UUID NOT NULL,
  instrument_code TEXT NOT NULL,
  score_code      TEXT NOT NULL,
  received_on     DATE NOT NULL,
  practice_id     UUID,
  link_worker_id  UUID,
  needs           TEXT[] NOT NULL,
  age_band        TEXT,
  sex             TEXT,
  ethnic_group    TEXT,
  imd_decile      SMALLINT,
  baseline        NUMERIC NOT NULL,
  discharge       NUMERIC,
  follow_up       NUMERIC,
  PRIMARY KEY (organisation_id, referral_id, instrument_code, score_code)
);
CREATE INDEX report_wellbeing_received_ix ON report_wellbeing (organisation_id, received_on);

-- When each tenant's data last changed and when its summaries were last rebuilt (the start of the
-- rebuilding transaction): they are out of date while changed_at >= refreshed_at.
CREATE TABLE report_refresh (
  organisation_id UUID PRIMARY KEY,
  changed_at      TIMESTAMPTZ,
  refreshed_at    TIMESTAMPTZ,
  duration_ms     INTEGER
);

-- Which PCNs a commissioning organisation (an ICB or a local authority) sees in its dashboards.
CREATE TABLE report_commissioning (
  organisation_id UUID NOT NULL,
  pcn_id          UUID NOT NULL,
  added_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, pcn_id)
);
CREATE INDEX report_commissioning_pcn_ix ON report_commissioning (pcn_id);

-- Reference data an administrator imports, the same for every tenant (like the code lists).
-- English Indices of Deprivation: each LSOA's IMD decile, for the LSOA vintage of the file.
CREATE TABLE report_imd (
  lsoa_vintage TEXT NOT NULL CHECK (lsoa_vintage IN ('2011', '2021')),
  lsoa_code    TEXT NOT NULL CHECK (lsoa_code ~ '^[EW]0[0-9]{7}$'),
  imd_decile   SMALLINT NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
  imd_rank     INTEGER CHECK (imd_rank >= 1),
  PRIMARY KEY (lsoa_vintage, lsoa_code)
);

-- Patients registered at each GP practice (NHS England's monthly publication), the denominator of
-- the national indicator. Keyed by the practice's PCN, the tenant.
CREATE TABLE report_practice_population (
  organisation_id UUID NOT NULL,
  practice_id     UUID NOT NULL,
  month           DATE NOT NULL CHECK (extract(day FROM month) = 1),
  registered      INTEGER NOT NULL CHECK (registered >= 0),
  imported_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, practice_id, month)
);

-- Each import of reference data, for the administrator's page.
CREATE TABLE report_reference_import (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('IMD', 'PRACTICE_POPULATION')),
  file_name       TEXT,
  imported_by     UUID,
  imported_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  rows_read       INTEGER NOT NULL DEFAULT 0,
  rows_stored     INTEGER NOT NULL DEFAULT 0,
  rows_skipped    INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
  message         TEXT,
  PRIMARY KEY (organisation_id, id)
);
