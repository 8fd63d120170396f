-- Organisations are the tenants. A PCN has member GP practices (parent_id). The deployment itself is
-- an organisation too (type DEPLOYMENT): administrators act for it.
CREATE TABLE organisation (
  id          UUID PRIMARY KEY,
  type        TEXT NOT NULL CHECK (type IN ('DEPLOYMENT', 'PCN', 'GP_PRACTICE', 'VCS', 'LOCAL_AUTHORITY',
                                            'ICB', 'UNIVERSITY', 'OTHER')),
  name        TEXT NOT NULL CHECK (length(btrim(name)) > 0),
  ods_code    TEXT,
  parent_id   UUID REFERENCES organisation (id),
  postcode    TEXT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR type = 'GP_PRACTICE')
);
CREATE UNIQUE INDEX organisation_ods_code_uq ON organisation (upper(ods_code)) WHERE ods_code IS NOT NULL;
CREATE UNIQUE INDEX organisation_name_uq ON organisation (lower(name));
CREATE INDEX organisation_parent_ix ON organisation (parent_id);

INSERT INTO organisation (id, type, name)
VALUES ('00000000-0000-0000-0000-000000000000', 'DEPLOYMENT', 'Waymark deployment');

-- Accounts are global (one person may work for several organisations); what they may do comes only
-- from memberships, which carry the tenant.
CREATE TABLE user_account (
  id              UUID PRIMARY KEY,
  email           TEXT NOT NULL,
  display_name    TEXT NOT NULL CHECK (length(btrim(display_name)) > 0),
  password_hash   TEXT,
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  oidc_subject    TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  disabled_at     TIMESTAMPTZ,
  password_changed_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX user_account_email_uq ON user_account (lower(email));

CREATE TABLE membership (
  organisation_id UUID NOT NULL REFERENCES organisation (id),
  user_id         UUID NOT NULL REFERENCES user_account (id),
  role            TEXT NOT NULL CHECK (role IN ('LINK_WORKER', 'SERVICE_MANAGER', 'REFERRER',
                                                'VCS_COORDINATOR', 'COMMISSIONER', 'RESEARCHER',
                                                'ADMINISTRATOR')),
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id, role)
);
CREATE INDEX membership_user_ix ON membership (user_id);

-- Sign-in attempts, for throttling by account and by address. Kept for the throttling window only.
CREATE TABLE sign_in_attempt (
  id              BIGSERIAL PRIMARY KEY,
  username        TEXT NOT NULL,
  remote_address  TEXT NOT NULL,
  succeeded       BOOLEAN NOT NULL,
  attempted_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempt_username_ix ON sign_in_attempt (lower(username), attempted_at);
CREATE INDEX sign_in_attempt_address_ix ON sign_in_attempt (remote_address, attempted_at);
