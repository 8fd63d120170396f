-- Participants of a study, each under a pseudonymous study id (site, group and number, for example
-- S03-P-017). Who they are is kept apart, in research_participant_identity, which only the study's
-- data managers read (every read audited). Consent is recorded per item against a versioned consent
-- document; withdrawal is recorded on the participant and applies everywhere at once.
CREATE TABLE research_consent_document (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  group_id        UUID,
  version_label   TEXT NOT NULL CHECK (length(btrim(version_label)) BETWEEN 1 AND 40),
  approved_on     DATE NOT NULL,
  items           TEXT[] NOT NULL CHECK (cardinality(items) >= 1),
  essential_items TEXT[] NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id),
  FOREIGN KEY (organisation_id, group_id) REFERENCES research_participant_group (organisation_id, id),
  CHECK (essential_items <@ items)
);
CREATE UNIQUE INDEX research_consent_document_version_ux
  ON research_consent_document (organisation_id, study_id, coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(version_label));

CREATE TABLE research_participant (
  organisation_id  UUID NOT NULL,
  id               UUID NOT NULL,
  study_id         UUID NOT NULL,
  site_id          UUID NOT NULL,
  group_id         UUID NOT NULL,
  number           INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999999),
  study_code       TEXT NOT NULL,
  source           TEXT NOT NULL CHECK (source IN ('CASEWORK', 'DIRECT')),
  status           TEXT NOT NULL CHECK (status IN ('AGREED_TO_CONTACT', 'CONSENTED', 'DECLINED', 'WITHDRAWN')),
  added_on         DATE NOT NULL,
  withdrawn_on     DATE,
  withdrawal       TEXT CHECK (withdrawal IN ('NO_FURTHER_CONTACT', 'REMOVE_UNANALYSED_DATA')),
  withdrawal_note  TEXT CHECK (length(withdrawal_note) <= 1000),
  created_at       TIMESTAMPTZ NOT NULL,
  version          BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id),
  FOREIGN KEY (organisation_id, site_id) REFERENCES research_site (organisation_id, id),
  FOREIGN KEY (organisation_id, group_id) REFERENCES research_participant_group (organisation_id, id),
  CHECK ((status = 'WITHDRAWN') = (withdrawn_on IS NOT NULL AND withdrawal IS NOT NULL))
);
CREATE UNIQUE INDEX research_participant_code_ux ON research_participant (organisation_id, study_id, study_code);
CREATE INDEX research_participant_study_ix ON research_participant (organisation_id, study_id, site_id, group_id);

-- Who a participant is: only data managers read it. A participant passed on from casework keeps the
-- case and person it came from (held by another organisation, by id only) and the contact details
-- given with the person's agreement; one added directly (a professional) keeps what the team entered.
CREATE TABLE research_participant_identity (
  organisation_id      UUID NOT NULL,
  participant_id       UUID NOT NULL,
  name                 TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  email                TEXT CHECK (length(email) <= 200),
  phone                TEXT CHECK (length(phone) <= 40),
  job_title            TEXT CHECK (length(job_title) <= 200),
  contact_note         TEXT CHECK (length(contact_note) <= 1000),
  person_id            UUID,
  case_id              UUID,
  case_organisation_id UUID,
  passed_on_by         UUID,
  PRIMARY KEY (organisation_id, participant_id),
  FOREIGN KEY (organisation_id, participant_id) REFERENCES research_participant (organisation_id, id)
);
CREATE INDEX research_participant_identity_person_ix
  ON research_participant_identity (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE research_consent (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  participant_id  UUID NOT NULL,
  document_id     UUID NOT NULL,
  consented_on    DATE NOT NULL,
  agreed_items    TEXT[] NOT NULL,
  refused_items   TEXT[] NOT NULL,
  recorded_by     UUID NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, participant_id) REFERENCES research_participant (organisation_id, id),
  FOREIGN KEY (organisation_id, document_id) REFERENCES research_consent_document (organisation_id, id)
);
CREATE INDEX research_consent_participant_ix
  ON research_consent (organisation_id, participant_id, recorded_at);
