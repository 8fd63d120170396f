-- Text search ranks a bounded set of candidates (ADR 9). The best candidates are the services whose
-- name or taxonomy terms hold the words; this narrow vector and its index find them without reading
-- the description's lexemes.
ALTER TABLE directory_service ADD COLUMN title_vector TSVECTOR GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce(name, '')), 'A')
  || setweight(to_tsvector('english', coalesce(taxonomy_text, '')), 'B')) STORED;
CREATE INDEX directory_service_title_ix ON directory_service USING gin (title_vector);
