-- The "what matters to me" assessment. Every save is a new row numbered per case (1, 2, ...); the
-- highest number is the current assessment and the others are its history. The unique number is
-- also what refuses a save started from an older version.
CREATE TABLE casework_assessment (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  case_id         UUID NOT NULL,
  version         INTEGER NOT NULL CHECK (version >= 1),
  assessed_on     DATE NOT NULL,
  what_matters    TEXT CHECK (length(what_matters) <= 4000),
  recorded_by     UUID NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, case_id, version),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id)
);

-- One need domain (a NEED code) in one assessment: how much it matters to the person, how things
-- are going for them, and what they said, each optional.
CREATE TABLE casework_assessment_need (
  organisation_id UUID NOT NULL,
  assessment_id   UUID NOT NULL,
  need            TEXT NOT NULL,
  importance      TEXT CHECK (importance IN ('NOT_AT_ALL', 'A_LITTLE', 'SOMEWHAT', 'A_LOT')),
  going           TEXT CHECK (going IN ('NOT_WELL_AT_ALL', 'NOT_VERY_WELL', 'QUITE_WELL', 'VERY_WELL')),
  in_their_words  TEXT CHECK (length(in_their_words) <= 2000),
  PRIMARY KEY (organisation_id, assessment_id, need),
  FOREIGN KEY (organisation_id, assessment_id) REFERENCES casework_assessment (organisation_id, id)
);
