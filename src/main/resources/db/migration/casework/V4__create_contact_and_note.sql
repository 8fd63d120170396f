-- Contacts with the person: when (stored in UTC, entered in UK time), how, for how long, and what
-- happened. A contact without an outcome is a planned one. Held by the case's PCN.
CREATE TABLE casework_contact (
  organisation_id  UUID NOT NULL,
  id               UUID NOT NULL,
  case_id          UUID NOT NULL,
  contact_type     TEXT NOT NULL,
  contact_at       TIMESTAMPTZ NOT NULL,
  duration_minutes INTEGER CHECK (duration_minutes BETWEEN 1 AND 600),
  outcome          TEXT CHECK (outcome IN ('ATTENDED', 'DID_NOT_ATTEND', 'CANCELLED_BY_PERSON', 'CANCELLED_BY_SERVICE')),
  notes            TEXT CHECK (length(notes) <= 4000),
  recorded_by      UUID NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by       UUID,
  updated_at       TIMESTAMPTZ,
  version          BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id)
);
CREATE INDEX casework_contact_case_ix ON casework_contact (organisation_id, case_id, contact_at DESC);
CREATE INDEX casework_contact_id_ix ON casework_contact (id);

-- Case notes. Append-only: a correction is a new note; a note entered in error keeps its text and
-- says why it was withdrawn. Sensitive notes are shown only to the case's link worker and managers.
CREATE TABLE casework_note (
  organisation_id         UUID NOT NULL,
  id                      UUID NOT NULL,
  case_id                 UUID NOT NULL,
  body                    TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  sensitive               BOOLEAN NOT NULL DEFAULT FALSE,
  written_by              UUID NOT NULL,
  written_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  entered_in_error_at     TIMESTAMPTZ,
  entered_in_error_by     UUID,
  entered_in_error_reason TEXT CHECK (length(entered_in_error_reason) <= 1000),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES casework_case (organisation_id, id),
  CHECK ((entered_in_error_at IS NULL) = (entered_in_error_reason IS NULL))
);
CREATE INDEX casework_note_case_ix ON casework_note (organisation_id, case_id, written_at DESC);
CREATE INDEX casework_note_id_ix ON casework_note (id);
