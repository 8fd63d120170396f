-- The casework module's reporting contract (ADR 19): cases and contacts without notes.
CREATE VIEW casework_case_report_v AS
SELECT organisation_id, id AS case_id, referral_id, person_id, link_worker_id, status, referred_at,
       opened_at, first_contact_at, closed_at, closure_reason, needs
FROM casework_case;

CREATE VIEW casework_contact_report_v AS
SELECT organisation_id, id AS contact_id, case_id, contact_type, contact_at, outcome
FROM casework_contact;
