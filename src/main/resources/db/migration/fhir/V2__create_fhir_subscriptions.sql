-- Which client made each referral that came in by FHIR, with the identifier it gave: the identifier is
-- given back on the ServiceRequest, and the client's subscriptions are told when the referral changes.
-- The tenant is the PCN that received the referral, as for the referral itself.
CREATE TABLE fhir_referral (
  organisation_id    UUID NOT NULL,
  referral_id        UUID NOT NULL,
  client_id          UUID NOT NULL,
  identifier_system  TEXT NOT NULL,
  identifier_value   TEXT NOT NULL,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, referral_id)
);
CREATE INDEX fhir_referral_referral_ix ON fhir_referral (referral_id);

-- Rest-hook subscriptions to Task changes, each belonging to the client that made it. The tenant is
-- the client's organisation.
CREATE TABLE fhir_subscription (
  organisation_id    UUID NOT NULL,
  id                 UUID NOT NULL,
  client_id          UUID NOT NULL,
  criteria           TEXT NOT NULL,
  endpoint           TEXT NOT NULL,
  headers            TEXT[] NOT NULL DEFAULT '{}',
  reason             TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('active', 'error', 'off')),
  error              TEXT,
  end_at             TIMESTAMPTZ,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_notified_at   TIMESTAMPTZ,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX fhir_subscription_client_ix ON fhir_subscription (client_id) WHERE status <> 'off';
