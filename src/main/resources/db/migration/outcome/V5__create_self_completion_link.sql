-- Secure self-completion links: a single-use, expiring link to one questionnaire, sent to a person
-- by email or text. Only a SHA-256 hash of the token is kept, so a copy of this table opens nothing.
-- On first use the link is exchanged for a short session bound to this row (opened_at); answers saved
-- part-way are kept here until the person sends them, and the response is written exactly once
-- (submitted_at and response_id, set under a row lock).
CREATE TABLE outcome_self_completion_link (
  organisation_id      UUID NOT NULL,
  id                   UUID NOT NULL,
  case_id              UUID NOT NULL,
  person_id            UUID NOT NULL,
  instrument_code      TEXT NOT NULL,
  instrument_version   INTEGER NOT NULL,
  occasion             TEXT NOT NULL CHECK (occasion IN ('BASELINE', 'REVIEW', 'DISCHARGE', 'FOLLOW_UP')),
  channel              TEXT NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  token_hash           BYTEA NOT NULL CHECK (length(token_hash) = 32),
  sent_by              UUID NOT NULL,
  sent_at              TIMESTAMPTZ NOT NULL,
  expires_at           TIMESTAMPTZ NOT NULL,
  opened_at            TIMESTAMPTZ,
  session_until        TIMESTAMPTZ,
  partial_answers      JSONB NOT NULL DEFAULT '{}'::jsonb,
  partial_saved_at     TIMESTAMPTZ,
  submitted_at         TIMESTAMPTZ,
  response_id          UUID,
  replaced_at          TIMESTAMPTZ,
  new_link_asked_at    TIMESTAMPTZ,
  PRIMARY KEY (organisation_id, id),
  CHECK (expires_at > sent_at),
  CHECK ((submitted_at IS NULL) = (response_id IS NULL))
);
-- The token is looked up before anything else is known about it (256 random bits: no two alike, so
-- no unique constraint is needed across organisations).
CREATE INDEX outcome_self_completion_link_token_ix ON outcome_self_completion_link (token_hash);
CREATE INDEX outcome_self_completion_link_case_ix
  ON outcome_self_completion_link (organisation_id, case_id, sent_at);

-- Attempts to use a link from one network address, for the rate limit. Kept a day.
CREATE TABLE outcome_link_attempt (
  organisation_id UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
  remote_address  TEXT NOT NULL,
  attempted_at    TIMESTAMPTZ NOT NULL,
  id              BIGINT GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX outcome_link_attempt_address_ix
  ON outcome_link_attempt (organisation_id, remote_address, attempted_at);
