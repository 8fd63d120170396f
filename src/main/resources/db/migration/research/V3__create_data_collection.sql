-- Data collection: observation periods at sites, and interviews with participants for the study's
-- timed events (a first interview, a follow-up interview 9 to 12 months later). An interview not yet
-- analysed is removed when its participant withdraws and asks for that.
CREATE TABLE research_observation (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  site_id         UUID NOT NULL,
  researcher_id   UUID NOT NULL,
  starts_on       DATE NOT NULL,
  ends_on         DATE NOT NULL,
  hours           NUMERIC(6, 1) NOT NULL CHECK (hours > 0 AND hours <= 2000),
  field_notes     TEXT CHECK (length(field_notes) <= 1000),
  recorded_by     UUID NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, site_id) REFERENCES research_site (organisation_id, id),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX research_observation_study_ix ON research_observation (organisation_id, study_id, starts_on);

CREATE TABLE research_interview (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  study_id          UUID NOT NULL,
  participant_id    UUID NOT NULL,
  event_id          UUID NOT NULL,
  held_on           DATE NOT NULL,
  mode              TEXT NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
  duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
  interviewer_id    UUID NOT NULL,
  recording         TEXT NOT NULL CHECK (recording IN ('NOT_RECORDED', 'RECORDED', 'RECORDING_DELETED')),
  transcript        TEXT NOT NULL CHECK (transcript IN ('NOT_NEEDED', 'TO_DO', 'TRANSCRIBED', 'CHECKED')),
  analysed          BOOLEAN NOT NULL DEFAULT false,
  recorded_by       UUID NOT NULL,
  recorded_at       TIMESTAMPTZ NOT NULL,
  version           BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, participant_id) REFERENCES research_participant (organisation_id, id),
  FOREIGN KEY (organisation_id, event_id) REFERENCES research_study_event (organisation_id, id)
);
CREATE UNIQUE INDEX research_interview_event_ux
  ON research_interview (organisation_id, participant_id, event_id);
CREATE INDEX research_interview_study_ix ON research_interview (organisation_id, study_id);
