-- Follow-up (followup module, docs/adr/0016-follow-up.md).

-- A service's follow-up plan. A service that never saved one uses the default plan (in the code)
-- at version 0; the points are in follow_up_plan_point.
CREATE TABLE follow_up_plan (
  organisation_id UUID NOT NULL,
  updated_by      UUID,
  updated_at      TIMESTAMPTZ NOT NULL,
  version         BIGINT NOT NULL,
  PRIMARY KEY (organisation_id)
);

CREATE TABLE follow_up_plan_point (
  organisation_id UUID NOT NULL,
  position        INT NOT NULL,
  name            TEXT NOT NULL,
  counts_from     TEXT NOT NULL CHECK (counts_from IN ('REFERRAL', 'CLOSURE')),
  opens_after     INT NOT NULL CHECK (opens_after BETWEEN 0 AND 24),
  target_after    INT NOT NULL CHECK (target_after BETWEEN 0 AND 24),
  closes_after    INT NOT NULL CHECK (closes_after BETWEEN 0 AND 24),
  PRIMARY KEY (organisation_id, position),
  FOREIGN KEY (organisation_id) REFERENCES follow_up_plan (organisation_id) ON DELETE CASCADE,
  CHECK (opens_after <= target_after AND target_after <= closes_after)
);

-- One scheduled follow-up of a case. Its dates were fixed when it was scheduled: changing the plan
-- later does not move them. Whether it is due, overdue or missed is derived from the dates and
-- today (in Europe/London); the *_notified_at columns record that a reminder was sent, each once.
CREATE TABLE follow_up (
  organisation_id     UUID NOT NULL,
  id                  UUID NOT NULL,
  case_id             UUID NOT NULL,
  person_id           UUID NOT NULL,
  -- The link worker who holds the case (moved with it when it is reassigned).
  link_worker_id      UUID NOT NULL,
  name                TEXT NOT NULL,
  counts_from         TEXT NOT NULL CHECK (counts_from IN ('REFERRAL', 'CLOSURE')),
  counted_from        DATE NOT NULL,
  opens_on            DATE NOT NULL,
  target_on           DATE NOT NULL,
  closes_on           DATE NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('OPEN', 'COMPLETED', 'DECLINED', 'CANCELLED')),
  attempts            INT NOT NULL DEFAULT 0,
  last_attempt_at     TIMESTAMPTZ,
  ended_at            TIMESTAMPTZ,
  ended_by            UUID,
  due_notified_at     TIMESTAMPTZ,
  overdue_notified_at TIMESTAMPTZ,
  person_reminded_at  TIMESTAMPTZ,
  missed_at           TIMESTAMPTZ,
  created_at          TIMESTAMPTZ NOT NULL,
  version             BIGINT NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, case_id, counts_from, name),
  CHECK (opens_on <= target_on AND target_on <= closes_on)
);
-- The lists: open follow-ups of a service, or of one link worker, by target date.
CREATE INDEX follow_up_open_idx ON follow_up (organisation_id, target_on, id) WHERE status = 'OPEN';
CREATE INDEX follow_up_open_worker_idx ON follow_up (organisation_id, link_worker_id, target_on, id)
  WHERE status = 'OPEN';
CREATE INDEX follow_up_done_idx ON follow_up (organisation_id, link_worker_id, target_on)
  WHERE status <> 'OPEN';
-- The count in each state (the tabs): an index-only scan of a service's or a link worker's rows.
CREATE INDEX follow_up_counts_idx ON follow_up (organisation_id, link_worker_id)
  INCLUDE (status, opens_on, target_on, closes_on);
CREATE INDEX follow_up_case_idx ON follow_up (organisation_id, case_id);
CREATE INDEX follow_up_person_idx ON follow_up (organisation_id, person_id);
-- The reminder task: open follow-ups that have opened and still have a reminder to send.
CREATE INDEX follow_up_reminder_idx ON follow_up (opens_on) WHERE status = 'OPEN' AND missed_at IS NULL;

-- Each time the link worker recorded a follow-up: completed, declined, or the person could not be
-- reached (which leaves the follow-up open).
CREATE TABLE follow_up_attempt (
  organisation_id   UUID NOT NULL,
  id                UUID NOT NULL,
  follow_up_id      UUID NOT NULL,
  outcome           TEXT NOT NULL CHECK (outcome IN ('COMPLETED', 'NOT_REACHED', 'DECLINED')),
  how_they_have_been TEXT,
  would_come_back   TEXT CHECK (would_come_back IN ('YES', 'NO', 'NOT_SURE')),
  own_words         TEXT,
  note              TEXT,
  recorded_by       UUID NOT NULL,
  recorded_at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, follow_up_id) REFERENCES follow_up (organisation_id, id)
);
CREATE INDEX follow_up_attempt_follow_up_idx ON follow_up_attempt (organisation_id, follow_up_id);

-- For each service the person was connected to or signposted to: did they go, did it help.
CREATE TABLE follow_up_service_answer (
  organisation_id UUID NOT NULL,
  attempt_id      UUID NOT NULL,
  position        INT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('CONNECTION', 'SIGNPOST')),
  source_id       UUID NOT NULL,
  service_id      UUID,
  service_name    TEXT NOT NULL,
  went            TEXT NOT NULL CHECK (went IN ('YES', 'NO', 'NOT_SURE')),
  still_going     TEXT CHECK (still_going IN ('YES', 'NO', 'NOT_SURE')),
  helped          TEXT CHECK (helped IN ('A_LOT', 'A_LITTLE', 'NOT_AT_ALL', 'NOT_SURE')),
  barriers        TEXT[] NOT NULL DEFAULT '{}',
  barrier_other   TEXT,
  PRIMARY KEY (organisation_id, attempt_id, position),
  FOREIGN KEY (organisation_id, attempt_id) REFERENCES follow_up_attempt (organisation_id, id)
);
