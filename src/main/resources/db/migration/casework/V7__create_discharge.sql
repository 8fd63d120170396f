-- The discharge summary sent back to the referrer when a case closes: the text as the link worker
-- confirmed it, who sent it and when. One per case.
CREATE TABLE casework_discharge (
  organisation_id UUID NOT NULL,
  case_id         UUID NOT NULL,
  referral_id     UUID NOT NULL,
  closure_reason  TEXT NOT NULL,
  summary         TEXT NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 20000),
  sent_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_by         UUID NOT NULL,
  PRIMARY KEY (organisation_id, case_id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id)
);

-- The GP-facing coded part of a discharge summary: SNOMED CT concepts, each with the display text
-- it was sent with and where it came from (the referral itself, a need, the closure reason).
CREATE TABLE casework_discharge_code (
  organisation_id UUID NOT NULL,
  case_id         UUID NOT NULL,
  position        INTEGER NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('REFERRAL', 'NEED', 'CLOSURE_REASON')),
  source_code     TEXT,
  snomed_code     TEXT NOT NULL CHECK (snomed_code ~ '^[1-9][0-9]{5,17}$'),
  display         TEXT NOT NULL CHECK (length(display) BETWEEN 1 AND 255),
  PRIMARY KEY (organisation_id, case_id, position),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_discharge (organisation_id, case_id)
);
