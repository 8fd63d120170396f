-- Client systems (a GP system, a regional platform) registered to call the FHIR API with OAuth2
-- client credentials (ADR 20). Looked up by client id before any tenant is known, like user_account,
-- so it is not distributed by tenant; organisation_id still says which tenant each client acts for.
CREATE TABLE fhir_client (
  id               UUID PRIMARY KEY,
  organisation_id  UUID NOT NULL,
  client_id        TEXT NOT NULL CHECK (client_id ~ '^[A-Za-z0-9._-]{8,100}$'),
  secret_hash      TEXT NOT NULL,
  name             TEXT NOT NULL CHECK (length(btrim(name)) > 0),
  scopes           TEXT[] NOT NULL,
  -- The account the client acts as: its role and organisation decide every access check and name
  -- the client in the audit log.
  system_user_id   UUID NOT NULL,
  referral_source  TEXT,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by       UUID,
  disabled_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX fhir_client_client_id_uq ON fhir_client (client_id);
CREATE INDEX fhir_client_organisation_ix ON fhir_client (organisation_id);

-- The key the authorisation server signs access tokens with, shared by every instance of the
-- application so that a token issued by one is accepted by all. Infrastructure, not tenant data.
CREATE TABLE fhir_signing_key (
  key_id       TEXT PRIMARY KEY,
  private_key  TEXT NOT NULL,
  public_key   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
