-- The outcome module's reporting contract (ADR 19): scores without the answers behind them.
CREATE VIEW outcome_score_report_v AS
SELECT organisation_id, id AS response_id, case_id, instrument_code, instrument_version, occasion,
       completed_on, recorded_at, scores
FROM outcome_response;
