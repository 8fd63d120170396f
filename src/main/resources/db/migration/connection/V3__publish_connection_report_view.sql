-- The connection module's reporting contract (ADR 19): onward referrals without what was shared
-- about the person.
CREATE VIEW connection_report_v AS
SELECT organisation_id, id AS connection_id, case_id, referral_id, service_id, service_holder_id,
       service_name, service_org_name, method, status, status_reason, requested_at, answer_due_on,
       answered_at, first_session_on, sessions_attended, ended_at, status_changed_at
FROM connection;
