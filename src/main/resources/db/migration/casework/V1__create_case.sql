-- A case: one episode of support for one person, opened when triage accepts a referral and
-- allocates it to a link worker. Held by the PCN (the tenant). The referral and the person are
-- other modules' records, referred to by id.
CREATE TABLE casework_case (
  organisation_id  UUID NOT NULL,
  id               UUID NOT NULL,
  referral_id      UUID NOT NULL,
  person_id        UUID NOT NULL,
  link_worker_id   UUID NOT NULL,
  status           TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
  opened_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  first_contact_at TIMESTAMPTZ,
  closed_at        TIMESTAMPTZ,
  closure_reason   TEXT,
  version          BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, referral_id),
  CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
  CHECK (status = 'OPEN' OR closure_reason IS NOT NULL)
);
CREATE INDEX casework_case_id_ix ON casework_case (id);
CREATE INDEX casework_case_caseload_ix ON casework_case (organisation_id, link_worker_id, status);
CREATE INDEX casework_case_person_ix ON casework_case (organisation_id, person_id);

-- Who held the case when: the first allocation and every reassignment.
CREATE TABLE casework_assignment (
  organisation_id UUID NOT NULL,
  id              BIGINT GENERATED ALWAYS AS IDENTITY,
  case_id         UUID NOT NULL,
  link_worker_id  UUID NOT NULL,
  assigned_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  assigned_by     UUID,
  reason          TEXT CHECK (length(reason) <= 1000),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id)
);
CREATE INDEX casework_assignment_case_ix ON casework_assignment (organisation_id, case_id, id);

-- Each service's casework settings; a PCN without a row has the defaults.
CREATE TABLE casework_setting (
  organisation_id              UUID PRIMARY KEY,
  -- Link workers may see their colleagues' cases (a team caseload), not only their own.
  team_caseloads_visible       BOOLEAN NOT NULL DEFAULT FALSE,
  -- After this many missed contacts in a row the link worker is prompted to review the case.
  missed_contacts_before_review INTEGER NOT NULL DEFAULT 2 CHECK (missed_contacts_before_review BETWEEN 1 AND 10),
  version                      BIGINT NOT NULL DEFAULT 0
);
