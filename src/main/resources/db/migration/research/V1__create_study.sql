-- Research studies and their set-up: the team, sites, work packages with timed events and windows,
-- participant groups and recruitment targets. A study belongs to the organisation that runs it (a
-- university or evaluation team): that is the tenant of every row. Sites name the organisations
-- (PCNs, practices, VCS organisations) where the study works, by id only.
CREATE TABLE research_study (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  title             TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  short_name        TEXT NOT NULL CHECK (short_name ~ '^[A-Za-z0-9][A-Za-z0-9 _-]{0,29}$'),
  summary           TEXT CHECK (length(summary) <= 4000),
  funder            TEXT CHECK (length(funder) <= 200),
  grant_number      TEXT CHECK (length(grant_number) <= 100),
  sponsor           TEXT CHECK (length(sponsor) <= 200),
  ethics_reference  TEXT CHECK (length(ethics_reference) <= 100),
  contact_email     TEXT CHECK (length(contact_email) <= 200),
  contact_phone     TEXT CHECK (length(contact_phone) <= 40),
  starts_on         DATE,
  ends_on           DATE,
  created_by        UUID NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL,
  version           BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX research_study_short_name_ux ON research_study (organisation_id, lower(short_name));

-- The study team: who works on the study and as what. Only members reach the study; only its data
-- managers see who participants are.
CREATE TABLE research_study_member (
  organisation_id UUID NOT NULL,
  study_id        UUID NOT NULL,
  user_id         UUID NOT NULL,
  study_role      TEXT NOT NULL CHECK (study_role IN
                    ('CHIEF_INVESTIGATOR', 'CO_INVESTIGATOR', 'RESEARCHER', 'DATA_MANAGER', 'STUDY_MANAGER')),
  job_title       TEXT CHECK (length(job_title) <= 200),
  profile         TEXT CHECK (length(profile) <= 2000),
  added_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, study_id, user_id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id)
);
CREATE INDEX research_study_member_user_ix ON research_study_member (user_id);

CREATE TABLE research_site (
  organisation_id      UUID NOT NULL,
  id                   UUID NOT NULL,
  study_id             UUID NOT NULL,
  code                 TEXT NOT NULL CHECK (code ~ '^[A-Z0-9]{1,6}$'),
  name                 TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  site_organisation_id UUID,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id)
);
CREATE UNIQUE INDEX research_site_code_ux ON research_site (organisation_id, study_id, code);

CREATE TABLE research_participant_group (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  code            TEXT NOT NULL CHECK (code ~ '^[A-Z]{1,3}$'),
  name            TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id)
);
CREATE UNIQUE INDEX research_participant_group_code_ux
  ON research_participant_group (organisation_id, study_id, code);

CREATE TABLE research_recruitment_target (
  organisation_id UUID NOT NULL,
  study_id        UUID NOT NULL,
  site_id         UUID NOT NULL,
  group_id        UUID NOT NULL,
  target          INTEGER NOT NULL CHECK (target BETWEEN 0 AND 100000),
  PRIMARY KEY (organisation_id, study_id, site_id, group_id),
  FOREIGN KEY (organisation_id, site_id) REFERENCES research_site (organisation_id, id),
  FOREIGN KEY (organisation_id, group_id) REFERENCES research_participant_group (organisation_id, id)
);

CREATE TABLE research_work_package (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  code            TEXT NOT NULL CHECK (code ~ '^[A-Z0-9]{1,8}$'),
  title           TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  description     TEXT CHECK (length(description) <= 4000),
  starts_on       DATE,
  ends_on         DATE,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX research_work_package_code_ux ON research_work_package (organisation_id, study_id, code);

-- A timed event of a work package: something that happens to each participant (an interview, a
-- follow-up interview), either on their enrolment or within a window after another event, for
-- example a follow-up interview 9 to 12 months after the first interview.
CREATE TABLE research_study_event (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  work_package_id UUID NOT NULL,
  name            TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  after_event_id  UUID,
  window_from_months INTEGER NOT NULL CHECK (window_from_months BETWEEN 0 AND 120),
  window_to_months   INTEGER NOT NULL CHECK (window_to_months BETWEEN 0 AND 120),
  position        INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, work_package_id) REFERENCES research_work_package (organisation_id, id),
  FOREIGN KEY (organisation_id, after_event_id) REFERENCES research_study_event (organisation_id, id),
  CHECK (window_to_months >= window_from_months)
);
