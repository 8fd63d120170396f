-- A goal is read by its id alone through the FHIR Goal resource, as a case is.
CREATE INDEX casework_plan_goal_id_ix ON casework_plan_goal (id);
