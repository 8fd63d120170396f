-- Study governance and outputs: meetings of the steering committee, advisory group and PPI group with
-- their decisions and actions; public contributors' involvement; blogs, papers, presentations and
-- events. Public contributors are named as they choose to be; nothing here is about participants.
CREATE TABLE research_meeting (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('STEERING_COMMITTEE', 'ADVISORY_GROUP', 'PPI_GROUP', 'STUDY_TEAM')),
  held_on         DATE NOT NULL,
  format          TEXT NOT NULL CHECK (format IN ('ONLINE', 'IN_PERSON', 'HYBRID')),
  attendees       TEXT NOT NULL CHECK (length(btrim(attendees)) BETWEEN 1 AND 2000),
  topics          TEXT NOT NULL CHECK (length(btrim(topics)) BETWEEN 1 AND 4000),
  decisions       TEXT CHECK (length(decisions) <= 4000),
  recorded_by     UUID NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id)
);
CREATE INDEX research_meeting_study_ix ON research_meeting (organisation_id, study_id, held_on);

CREATE TABLE research_action (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  meeting_id      UUID NOT NULL,
  description     TEXT NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 1000),
  owner           TEXT NOT NULL CHECK (length(btrim(owner)) BETWEEN 1 AND 200),
  due_on          DATE,
  done_on         DATE,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, meeting_id) REFERENCES research_meeting (organisation_id, id)
);

CREATE TABLE research_involvement (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  contributor     TEXT NOT NULL CHECK (length(btrim(contributor)) BETWEEN 1 AND 200),
  activity        TEXT NOT NULL CHECK (length(btrim(activity)) BETWEEN 1 AND 1000),
  took_place_on   DATE NOT NULL,
  hours           NUMERIC(5, 1) CHECK (hours > 0 AND hours <= 500),
  payment_pence   INTEGER CHECK (payment_pence BETWEEN 0 AND 10000000),
  recorded_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id)
);

CREATE TABLE research_output (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('BLOG', 'PAPER', 'PRESENTATION', 'EVENT', 'REPORT')),
  title           TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 400),
  authors         TEXT NOT NULL CHECK (length(btrim(authors)) BETWEEN 1 AND 1000),
  published_on    DATE NOT NULL,
  link            TEXT CHECK (link ~ '^https?://' AND length(link) <= 1000),
  recorded_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id)
);
CREATE INDEX research_output_study_ix ON research_output (organisation_id, study_id, published_on);
