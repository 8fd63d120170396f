-- Referrals to the social prescribing service, held by the PCN that receives them (the tenant).
-- Codes (source, needs) come from the code lists; the person record is the person module's.
CREATE TABLE referral (
  organisation_id          UUID NOT NULL,
  id                       UUID NOT NULL,
  reference                TEXT NOT NULL CHECK (reference ~ '^WM-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  person_id                UUID NOT NULL,
  -- The person's details exactly as referred, for triage to compare with the person record.
  person_as_referred       JSONB NOT NULL,
  matched_by_nhs_number    BOOLEAN NOT NULL DEFAULT FALSE,
  channel                  TEXT NOT NULL CHECK (channel IN ('WEB_FORM', 'SELF_REFERRAL', 'API', 'CSV_IMPORT')),
  source                   TEXT NOT NULL,
  needs                    TEXT[] NOT NULL CHECK (cardinality(needs) >= 1),
  reason                   TEXT CHECK (length(reason) <= 4000),
  consent_to_share         BOOLEAN NOT NULL CHECK (consent_to_share),
  consent_to_contact       BOOLEAN NOT NULL,
  urgency                  TEXT NOT NULL CHECK (urgency IN ('ROUTINE', 'URGENT')),
  preferred_contact_method TEXT CHECK (preferred_contact_method IN ('PHONE', 'TEXT', 'EMAIL', 'LETTER')),
  preferred_contact_times  TEXT CHECK (length(preferred_contact_times) <= 200),
  safeguarding_concerns    TEXT CHECK (length(safeguarding_concerns) <= 4000),
  referrer_user_id         UUID,
  referrer_organisation_id UUID,
  referrer_name            TEXT CHECK (length(referrer_name) <= 100),
  referrer_job_title       TEXT CHECK (length(referrer_job_title) <= 100),
  referrer_organisation    TEXT CHECK (length(referrer_organisation) <= 200),
  referrer_phone           TEXT CHECK (referrer_phone ~ '^[0-9 +()-]{10,20}$'),
  referrer_email           TEXT CHECK (length(referrer_email) <= 254),
  status                   TEXT NOT NULL CHECK (status IN ('RECEIVED', 'INFORMATION_REQUESTED', 'ACCEPTED',
                                                           'DECLINED', 'CLOSED')),
  received_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  status_changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  decline_reason           TEXT CHECK (length(decline_reason) <= 2000),
  signposting              TEXT CHECK (length(signposting) <= 2000),
  information_request      TEXT CHECK (length(information_request) <= 2000),
  discharge_summary        TEXT,
  discharged_at            TIMESTAMPTZ,
  version                  BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL),
  CHECK (status <> 'CLOSED' OR (discharge_summary IS NOT NULL AND discharged_at IS NOT NULL))
);
-- Pages address a referral by id alone; the id is random, so this finds the one row (and its tenant).
CREATE INDEX referral_id_ix ON referral (id);
CREATE INDEX referral_reference_ix ON referral (reference);
-- The triage queue: waiting referrals of one PCN.
CREATE INDEX referral_waiting_ix ON referral (organisation_id, received_at)
  WHERE status IN ('RECEIVED', 'INFORMATION_REQUESTED');
CREATE INDEX referral_referrer_ix ON referral (referrer_user_id, received_at) WHERE referrer_user_id IS NOT NULL;
CREATE INDEX referral_person_ix ON referral (organisation_id, person_id);

-- Every status change, arrival included, with who made it.
CREATE TABLE referral_status_change (
  organisation_id UUID NOT NULL,
  id              BIGINT GENERATED ALWAYS AS IDENTITY,
  referral_id     UUID NOT NULL,
  from_status     TEXT,
  to_status       TEXT NOT NULL,
  changed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  changed_by      UUID,
  note            TEXT,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, referral_id) REFERENCES referral (organisation_id, id)
);
CREATE INDEX referral_status_change_referral_ix ON referral_status_change (organisation_id, referral_id, id);

-- API submissions by Idempotency-Key: the same client and key never make a second referral. The row
-- is written in the referral's own transaction, so a parallel retry waits on the key and then finds it.
-- The tenant is the client's organisation (the referral itself may belong to another, its PCN).
CREATE TABLE referral_idempotency_key (
  organisation_id          UUID NOT NULL,
  client_user_id           UUID NOT NULL,
  idempotency_key          TEXT NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  request_hash             TEXT NOT NULL,
  referral_organisation_id UUID NOT NULL,
  referral_id              UUID NOT NULL,
  created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, client_user_id, idempotency_key)
);
