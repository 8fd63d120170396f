-- Onward referrals from a case to a community service (the closed loop), following the HL7 SDOH
-- Clinical Care (Gravity) Task states. organisation_id is the PCN that holds the case (the tenant);
-- service_holder_id is the organisation that holds the service's listing and answers through the
-- VCS portal. What was shared with the service is kept as sent (the shared_* columns): the service
-- sees exactly that and nothing else about the person.
CREATE TABLE connection (
  organisation_id     UUID NOT NULL,
  id                  UUID NOT NULL,
  case_id             UUID NOT NULL,
  referral_id         UUID NOT NULL,
  person_id           UUID NOT NULL,
  requested_by        UUID NOT NULL,
  service_id          UUID NOT NULL,
  service_holder_id   UUID NOT NULL,
  service_name        TEXT NOT NULL CHECK (length(service_name) BETWEEN 1 AND 500),
  service_org_name    TEXT,
  method              TEXT NOT NULL CHECK (method IN ('WAYMARK', 'EMAIL', 'EXTERNAL_FORM', 'OTHER')),
  status              TEXT NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'REJECTED', 'CANCELLED',
                        'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'FAILED')),
  status_reason       TEXT,
  status_detail       TEXT CHECK (length(status_detail) <= 1000),
  shared_name         TEXT NOT NULL CHECK (length(shared_name) BETWEEN 1 AND 300),
  shared_contact      TEXT NOT NULL CHECK (length(shared_contact) BETWEEN 1 AND 500),
  shared_needs        TEXT[] NOT NULL CHECK (cardinality(shared_needs) >= 1),
  shared_need_labels  TEXT[] NOT NULL,
  shared_what_matters TEXT CHECK (length(shared_what_matters) <= 2000),
  shared_must_know    TEXT CHECK (length(shared_must_know) <= 2000),
  shared_consent      TEXT NOT NULL CHECK (length(shared_consent) BETWEEN 1 AND 500),
  requested_at        TIMESTAMPTZ NOT NULL,
  answer_due_on       DATE NOT NULL,
  chased_at           TIMESTAMPTZ,
  overdue_flagged_at  TIMESTAMPTZ,
  answered_at         TIMESTAMPTZ,
  first_session_on    DATE,
  sessions_attended   INTEGER NOT NULL DEFAULT 0 CHECK (sessions_attended BETWEEN 0 AND 1000),
  outcome_summary     TEXT CHECK (length(outcome_summary) <= 2000),
  ended_at            TIMESTAMPTZ,
  status_changed_at   TIMESTAMPTZ NOT NULL,
  version             BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  CHECK ((status IN ('REJECTED', 'CANCELLED', 'ON_HOLD', 'FAILED')) = (status_reason IS NOT NULL))
);

-- The VCS inbox: referrals to one organisation's services, newest first, by status.
CREATE INDEX connection_holder_ix ON connection (service_holder_id, status, requested_at DESC);
-- The link worker's open connections, and each case's connections.
CREATE INDEX connection_requester_ix ON connection (organisation_id, requested_by, status, requested_at DESC);
CREATE INDEX connection_case_ix ON connection (organisation_id, case_id, requested_at);
CREATE INDEX connection_referral_ix ON connection (organisation_id, referral_id);
-- The timers look only at referrals still waiting for an answer.
CREATE INDEX connection_waiting_ix ON connection (answer_due_on) WHERE status = 'REQUESTED';

-- Every change of state, who made it and from which side (requester or performer), for the history.
CREATE TABLE connection_history (
  organisation_id UUID NOT NULL,
  connection_id   UUID NOT NULL,
  position        INTEGER NOT NULL,
  status          TEXT NOT NULL,
  status_reason   TEXT,
  status_detail   TEXT,
  note            TEXT,
  side            TEXT NOT NULL CHECK (side IN ('REQUESTER', 'PERFORMER', 'SYSTEM')),
  changed_by      UUID,
  changed_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, connection_id, position),
  FOREIGN KEY (organisation_id, connection_id) REFERENCES connection (organisation_id, id)
);

-- Signposting: information given to the person about a service they will contact themselves.
CREATE TABLE connection_signpost (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  case_id         UUID NOT NULL,
  person_id       UUID NOT NULL,
  service_id      UUID NOT NULL,
  service_name    TEXT NOT NULL CHECK (length(service_name) BETWEEN 1 AND 500),
  information     TEXT NOT NULL CHECK (length(btrim(information)) BETWEEN 1 AND 2000),
  given_on        DATE NOT NULL,
  recorded_by     UUID NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX connection_signpost_case_ix ON connection_signpost (organisation_id, case_id, given_on);
