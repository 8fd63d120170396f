-- Outcome instruments as versioned data: the whole definition (items, answer options, scores,
-- licence) as JSON, one row per version. Instruments belong to the deployment (organisation_id is
-- the deployment's), like the code lists. A published version never changes: the trigger refuses
-- any change to it, so every score stays recomputable from the definition it was given with.
CREATE TABLE outcome_instrument (
  organisation_id UUID NOT NULL,
  code            TEXT NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  version         INTEGER NOT NULL CHECK (version >= 1),
  title           TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  definition      JSONB NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('SHIPPED', 'ADMINISTRATOR')),
  published_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, code, version)
);

CREATE FUNCTION outcome_instrument_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'A published instrument version never changes: publish a new version instead'
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outcome_instrument_no_change
  BEFORE UPDATE OR DELETE ON outcome_instrument
  FOR EACH ROW EXECUTE FUNCTION outcome_instrument_immutable();
