-- A VCS coordinator's page reads every PCN's referrals to their organisation, which lie scattered over
-- the whole of report_connection: through the plain (service_holder_id, requested_on) index each of the
-- page's statements read a heap page per referral (41,000 pages for a national charity's 60,000, about
-- 0.3 s a statement and 1.6 to 2.7 s a page). Carrying the columns those statements read lets them
-- scan the index alone (about 0.03 s each) once the table has been vacuumed (docs/performance.md,
-- Reporting).
DROP INDEX report_connection_holder_ix;
CREATE INDEX report_connection_holder_ix ON report_connection (service_holder_id, requested_on)
  INCLUDE (organisation_id, service_id, service_name, status, answered_on, answered_in_time,
           days_to_answer, attended, needs);
