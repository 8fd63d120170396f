-- Self-referrals from the public form, by the caller's address, so that one address cannot flood the
-- service: the form accepts a few an hour from each. Kept for a day. Like the sign-in throttle it
-- belongs to no PCN: the tenant is the deployment (00000000-0000-0000-0000-000000000000), and the
-- referral a submission made (if any) is not linked, so the table holds nothing about a person.
CREATE TABLE self_referral_submission (
  organisation_id UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
  id              BIGINT GENERATED ALWAYS AS IDENTITY,
  remote_address  TEXT NOT NULL CHECK (length(remote_address) <= 100),
  submitted_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX self_referral_submission_address_ix
  ON self_referral_submission (organisation_id, remote_address, submitted_at);
