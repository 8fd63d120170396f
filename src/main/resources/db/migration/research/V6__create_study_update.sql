-- Study updates for partners and public contributors: drafts with the team's own words for each
-- part, composed with the study's records when published. A published issue keeps what it said (its
-- composed text and its PDF) for good, whatever changes in the records later.
CREATE TABLE research_update (
  organisation_id  UUID NOT NULL,
  id               UUID NOT NULL,
  study_id         UUID NOT NULL,
  title            TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  period_from      DATE NOT NULL,
  period_to        DATE NOT NULL,
  narrative        JSONB NOT NULL,
  featured_user_id UUID,
  status           TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
  published_at     TIMESTAMPTZ,
  published_by     UUID,
  composed         JSONB,
  pdf              BYTEA,
  created_at       TIMESTAMPTZ NOT NULL,
  version          BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id),
  CHECK (period_to >= period_from),
  CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL AND composed IS NOT NULL AND pdf IS NOT NULL))
);
CREATE INDEX research_update_study_ix ON research_update (organisation_id, study_id, period_to);
