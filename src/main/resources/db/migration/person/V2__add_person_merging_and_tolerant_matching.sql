-- Merging duplicate person records, and finding them when names are spelt differently.

-- levenshtein() and dmetaphone() for names spelt differently ("Jon"/"John", "Smith"/"Smyth").
-- A trusted extension that ships with PostgreSQL, like unaccent and pg_trgm.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- A merged-away record stays, as a pointer to the record it was merged into, so that old links and
-- audit entries still lead somewhere. It is no longer searched, matched or edited.
ALTER TABLE person
  ADD COLUMN merged_into_id UUID,
  ADD COLUMN merged_at      TIMESTAMPTZ,
  ADD CHECK ((merged_into_id IS NULL) = (merged_at IS NULL)),
  ADD CHECK (merged_into_id IS DISTINCT FROM id),
  -- The merge moves the NHS number to the kept record or refuses: a merged record holds none, so it
  -- never blocks the number in the unique index.
  ADD CHECK (merged_into_id IS NULL OR nhs_number IS NULL);

-- Records merged into a record, for its access report and to follow a chain of merges.
CREATE INDEX person_merged_into_ix ON person (organisation_id, merged_into_id) WHERE merged_into_id IS NOT NULL;
-- Duplicate candidates are looked up by date of birth (indexed already) or by postcode.
CREATE INDEX person_postcode_ix ON person (organisation_id, postcode) WHERE postcode IS NOT NULL;

-- Whether two folded name parts could be the same name written differently: equal, or (both at
-- least three letters) one or two letters apart, or sounding alike (double metaphone). Null parts
-- never match. Exact = true asks for equal parts only.
CREATE FUNCTION person_name_part_alike(a text, b text, exact boolean) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(
      a <> '' AND (a = b OR (NOT exact AND length(a) >= 3 AND length(b) >= 3 AND (
        public.levenshtein(a, b) <= CASE WHEN least(length(a), length(b)) <= 5 THEN 1 ELSE 2 END
        OR (public.dmetaphone(a) <> '' AND public.dmetaphone(a) = public.dmetaphone(b))))),
      false)
  $$;

-- Whether two people's names (given, family, preferred, each already folded by person_fold) could
-- be one person's: the family names alike and the first given names (or a preferred name for
-- either) alike, or given and family names swapped.
CREATE FUNCTION person_names_alike(
    given_a text, family_a text, preferred_a text,
    given_b text, family_b text, preferred_b text,
    exact boolean) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT (person_name_part_alike(family_a, family_b, exact)
            AND (person_name_part_alike(split_part(given_a, ' ', 1), split_part(given_b, ' ', 1), exact)
                 OR person_name_part_alike(preferred_a, split_part(given_b, ' ', 1), exact)
                 OR person_name_part_alike(split_part(given_a, ' ', 1), preferred_b, exact)
                 OR person_name_part_alike(preferred_a, preferred_b, exact)))
        OR (person_name_part_alike(given_a, family_b, exact)
            AND person_name_part_alike(family_a, given_b, exact))
  $$;
