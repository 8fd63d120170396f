-- What triage copies onto a case when it opens, so caseloads and the waiting list need nothing from
-- the referral module: when the referral arrived (the start of the wait for first contact) and the
-- needs it named.
ALTER TABLE casework_case ADD COLUMN referred_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE casework_case ADD COLUMN needs TEXT[] NOT NULL DEFAULT '{}';
UPDATE casework_case SET referred_at = opened_at WHERE referred_at > opened_at;

-- The waiting list: open cases of one PCN still waiting for a first contact, oldest first.
CREATE INDEX casework_case_waiting_ix ON casework_case (organisation_id, referred_at)
  WHERE status = 'OPEN' AND first_contact_at IS NULL;
-- Waiting-time figures: cases first contacted recently.
CREATE INDEX casework_case_first_contact_ix ON casework_case (organisation_id, first_contact_at)
  WHERE first_contact_at IS NOT NULL;
