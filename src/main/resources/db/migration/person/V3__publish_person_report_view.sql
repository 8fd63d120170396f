-- The person module's reporting contract (ADR 19): the demographics equity figures need, never a
-- name, a number or a way to reach the person.
CREATE VIEW person_report_v AS
SELECT organisation_id, id AS person_id, date_of_birth, sex, ethnicity, postcode, registered_practice_id
FROM person;
