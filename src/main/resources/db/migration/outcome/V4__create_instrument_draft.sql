-- Questionnaires an administrator is building, before they are published as a version of
-- outcome_instrument. The definition is stored whole, as JSON, in the same shape as a published one.
-- Drafts belong to the deployment, like published instruments. There is at most one draft per code
-- at a time. The version column is the draft's edit count: every change names the version it was
-- made from, and a change made from an older version is refused (optimistic locking).
CREATE TABLE outcome_instrument_draft (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  code            TEXT NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  definition      JSONB NOT NULL,
  version         BIGINT NOT NULL DEFAULT 0,
  created_by      UUID,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code)
);
