-- The optional GP appointment indicator: how many GP appointments the person had in the months
-- before their referral and in the months after, where a service collects it. Always shown as an
-- optional indicator, never as the headline outcome.
CREATE TABLE outcome_gp_appointment_count (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  case_id         UUID NOT NULL,
  person_id       UUID NOT NULL,
  period          TEXT NOT NULL CHECK (period IN ('BEFORE', 'AFTER')),
  months          INTEGER NOT NULL CHECK (months BETWEEN 1 AND 24),
  appointments    INTEGER NOT NULL CHECK (appointments BETWEEN 0 AND 500),
  recorded_by     UUID,
  recorded_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX outcome_gp_appointment_case_ix
  ON outcome_gp_appointment_count (organisation_id, case_id, recorded_at);
