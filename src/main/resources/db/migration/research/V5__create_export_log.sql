-- Every export of a study's data: who, when, what and in which format, why, and how many rows.
-- Shown to the study team on the exports page; the audit log has the same as STUDY_EXPORTED.
CREATE TABLE research_export_log (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  study_id        UUID NOT NULL,
  exported_by     UUID NOT NULL,
  exported_at     TIMESTAMPTZ NOT NULL,
  dataset         TEXT NOT NULL CHECK (dataset IN
                    ('PARTICIPANTS', 'INTERVIEWS', 'LINKED_OUTCOMES', 'RECRUITMENT_SUMMARY')),
  format          TEXT NOT NULL CHECK (format IN ('CSV', 'XLSX')),
  purpose         TEXT NOT NULL CHECK (length(btrim(purpose)) BETWEEN 10 AND 500),
  row_count       INTEGER NOT NULL CHECK (row_count >= 0),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, study_id) REFERENCES research_study (organisation_id, id)
);
CREATE INDEX research_export_log_study_ix
  ON research_export_log (organisation_id, study_id, exported_at DESC);
