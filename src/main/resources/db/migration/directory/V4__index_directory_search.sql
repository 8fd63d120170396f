-- Indexes for directory search (ADR 8).
-- Misspellings: word similarity of the query against a service's name and taxonomy terms together,
-- so that "befreinding" finds a service named or tagged "befriending".
CREATE INDEX directory_service_words_trgm_ix ON directory_service
  USING gin ((lower(name || ' ' || taxonomy_text)) gin_trgm_ops);

-- Distance: a two-dimensional box search on the coordinates (core PostgreSQL geometry, no PostGIS);
-- the B-tree on (latitude, longitude) can only narrow by latitude, a band across the whole country.
CREATE INDEX directory_location_point_ix ON directory_location
  USING gist (point(longitude, latitude)) WHERE latitude IS NOT NULL;

-- Need filters start from the need and must reach the service without visiting the table.
CREATE INDEX directory_service_need_service_ix ON directory_service_need (need, organisation_id, service_id, status);
