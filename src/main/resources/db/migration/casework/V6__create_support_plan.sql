-- The personalised support plan of a case: goals in the person's own words, each linked to one or
-- more need domains (codes of the NEED code list), with the steps agreed towards it and dated
-- reviews of how it is going. Goals and steps carry a version for optimistic locking.
CREATE TABLE casework_plan_goal (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  case_id         UUID NOT NULL,
  text            TEXT NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 1000),
  needs           TEXT[] NOT NULL CHECK (cardinality(needs) >= 1),
  status          TEXT NOT NULL DEFAULT 'ACTIVE'
                  CHECK (status IN ('ACTIVE', 'ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED', 'NO_LONGER_RELEVANT')),
  target_date     DATE,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by      UUID NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by      UUID NOT NULL,
  version         BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id)
);
CREATE INDEX casework_plan_goal_case_ix ON casework_plan_goal (organisation_id, case_id, created_at);

-- A step towards a goal. Its owner is the person, the link worker, or someone named (owner_name).
CREATE TABLE casework_plan_step (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  case_id         UUID NOT NULL,
  goal_id         UUID NOT NULL,
  text            TEXT NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 1000),
  owner           TEXT NOT NULL CHECK (owner IN ('PERSON', 'LINK_WORKER', 'SOMEONE_ELSE')),
  owner_name      TEXT CHECK (length(owner_name) <= 100),
  target_date     DATE,
  status          TEXT NOT NULL DEFAULT 'NOT_STARTED'
                  CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NO_LONGER_NEEDED')),
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by      UUID NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by      UUID NOT NULL,
  version         BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id),
  FOREIGN KEY (organisation_id, goal_id) REFERENCES casework_plan_goal (organisation_id, id),
  CHECK ((owner = 'SOMEONE_ELSE') = (owner_name IS NOT NULL))
);
CREATE INDEX casework_plan_step_goal_ix ON casework_plan_step (organisation_id, goal_id, created_at);

-- A dated review of a goal: how it is going in the person's words, and where they put themselves
-- on a 0 (not started) to 10 (goal reached) scale. Reviews are never changed.
CREATE TABLE casework_plan_review (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  case_id         UUID NOT NULL,
  goal_id         UUID NOT NULL,
  reviewed_on     DATE NOT NULL,
  in_their_words  TEXT NOT NULL CHECK (length(btrim(in_their_words)) BETWEEN 1 AND 2000),
  progress        SMALLINT NOT NULL CHECK (progress BETWEEN 0 AND 10),
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  recorded_by     UUID NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id),
  FOREIGN KEY (organisation_id, goal_id) REFERENCES casework_plan_goal (organisation_id, id)
);
CREATE INDEX casework_plan_review_goal_ix ON casework_plan_review (organisation_id, goal_id, reviewed_on);
