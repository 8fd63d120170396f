-- The FHIR Organization and Location resources read the directory's organisations and places by id
-- across holders, and find them by the start of a name, words in it, or a postcode (ADR 20).
CREATE INDEX directory_location_id_ix ON directory_location (id);
CREATE INDEX directory_organization_name_trgm_ix ON directory_organization USING gin (lower(name) gin_trgm_ops);
CREATE INDEX directory_location_name_trgm_ix ON directory_location USING gin (lower(name) gin_trgm_ops);
-- A postcode district or the start of a postcode: LIKE 'LS2 %' needs pattern operators.
CREATE INDEX directory_location_postcode_pattern_ix ON directory_location (postcode text_pattern_ops);
