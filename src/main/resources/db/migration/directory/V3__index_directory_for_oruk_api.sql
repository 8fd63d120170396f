-- The Open Referral UK API reads across holders by the ORUK id alone (detail endpoints, the
-- organization_id and taxonomy_id filters) and pages in a stable order (name, then id), so it needs
-- indexes that do not lead with the holder.
CREATE INDEX directory_service_oruk_id_ix ON directory_service (id);
CREATE INDEX directory_service_oruk_order_ix ON directory_service (name, id, organisation_id);
CREATE INDEX directory_service_oruk_organization_ix ON directory_service (directory_organization_id);
CREATE INDEX directory_organization_oruk_id_ix ON directory_organization (id);
CREATE INDEX directory_organization_oruk_order_ix ON directory_organization (name, id, organisation_id);
CREATE INDEX directory_service_at_location_oruk_id_ix ON directory_service_at_location (id);
CREATE INDEX directory_taxonomy_oruk_id_ix ON directory_taxonomy (id);
CREATE INDEX directory_taxonomy_term_oruk_id_ix ON directory_taxonomy_term (id);
CREATE INDEX directory_taxonomy_term_oruk_taxonomy_ix ON directory_taxonomy_term (organisation_id, taxonomy_id);
