-- The referral module's reporting contract (ADR 19): what the reporting module may read, and nothing
-- else. Columns are added, never renamed or removed, without a new view.
CREATE VIEW referral_report_v AS
SELECT organisation_id, id AS referral_id, person_id, received_at, source, channel, needs, status,
       status_changed_at
FROM referral;
