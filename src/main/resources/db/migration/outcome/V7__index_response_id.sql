-- A set of answers is read by its id alone through the FHIR QuestionnaireResponse resource.
CREATE INDEX outcome_response_id_ix ON outcome_response (id);
