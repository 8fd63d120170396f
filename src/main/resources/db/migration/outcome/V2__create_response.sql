-- Answers to an instrument given for a case at one occasion, as given (item id to stored value),
-- with the instrument version they answer and the scores worked out when they were saved. The scores
-- can always be worked out again from the answers and that version.
CREATE TABLE outcome_response (
  organisation_id    UUID NOT NULL,
  id                 UUID NOT NULL,
  case_id            UUID NOT NULL,
  person_id          UUID NOT NULL,
  instrument_code    TEXT NOT NULL,
  instrument_version INTEGER NOT NULL,
  occasion           TEXT NOT NULL CHECK (occasion IN ('BASELINE', 'REVIEW', 'DISCHARGE', 'FOLLOW_UP')),
  completed_on       DATE NOT NULL,
  answers            JSONB NOT NULL,
  scores             JSONB NOT NULL,
  completed_by       TEXT NOT NULL CHECK (completed_by IN ('WITH_LINK_WORKER', 'SELF')),
  recorded_by        UUID,
  recorded_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX outcome_response_case_ix
  ON outcome_response (organisation_id, case_id, instrument_code, completed_on, recorded_at);
CREATE INDEX outcome_response_person_ix ON outcome_response (organisation_id, person_id);
