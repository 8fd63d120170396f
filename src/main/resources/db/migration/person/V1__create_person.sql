-- The person record (the patient), held by the organisation (PCN or practice) that supports them.
-- The application validates every field; the constraints here are a second line of defence against
-- any other writer.

-- Case- and accent-insensitive name search: unaccent folds "Zoë Łukasiewicz" to "Zoe Lukasiewicz",
-- pg_trgm lets "%fragment%" use an index. Both ship with PostgreSQL (and the embedded binaries) and
-- are trusted extensions, so the schema owner can create them without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so a stored column cannot use it directly;
-- this wrapper names the dictionary explicitly, which makes it safe to declare IMMUTABLE.
CREATE FUNCTION person_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Ten digits whose tenth is the modulus-11 check digit of the first nine (a remainder giving 10 is
-- never issued).
CREATE FUNCTION person_nhs_number_is_valid(n text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN n !~ '^[0-9]{10}$' THEN false
      ELSE (
        SELECT s % 11 <> 1 AND (11 - s % 11) % 11 = substr(n, 10, 1)::int
        FROM (SELECT sum(substr(n, i, 1)::int * (11 - i)) AS s FROM generate_series(1, 9) AS i) AS weighted)
    END
  $$;

CREATE TABLE person (
  organisation_id        UUID NOT NULL,
  id                     UUID NOT NULL,
  nhs_number             TEXT CHECK (person_nhs_number_is_valid(nhs_number)),
  given_name             TEXT NOT NULL CHECK (length(btrim(given_name)) BETWEEN 1 AND 100),
  family_name            TEXT NOT NULL CHECK (length(btrim(family_name)) BETWEEN 1 AND 100),
  other_names            TEXT CHECK (length(other_names) <= 100),
  preferred_name         TEXT CHECK (length(preferred_name) <= 100),
  date_of_birth          DATE NOT NULL CHECK (date_of_birth >= DATE '1900-01-01'
                                              AND date_of_birth <= (now() AT TIME ZONE 'Europe/London')::date),
  -- ONS harmonised standard for sex.
  sex                    TEXT NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'NOT_KNOWN')),
  -- ONS 2021: "Is the gender you identify with the same as your sex registered at birth?"
  gender_same_as_sex     TEXT CHECK (gender_same_as_sex IN ('YES', 'NO', 'PREFER_NOT_TO_SAY')),
  gender_identity        TEXT CHECK (length(gender_identity) <= 100),
  -- The 19 ONS 2021 England and Wales categories, or PREFER_NOT_TO_SAY; null when not yet asked.
  ethnicity              TEXT CHECK (ethnicity IN (
                           'ASIAN_BANGLADESHI', 'ASIAN_CHINESE', 'ASIAN_INDIAN', 'ASIAN_PAKISTANI', 'ASIAN_OTHER',
                           'BLACK_AFRICAN', 'BLACK_CARIBBEAN', 'BLACK_OTHER',
                           'MIXED_WHITE_AND_ASIAN', 'MIXED_WHITE_AND_BLACK_AFRICAN',
                           'MIXED_WHITE_AND_BLACK_CARIBBEAN', 'MIXED_OTHER',
                           'WHITE_BRITISH', 'WHITE_IRISH', 'WHITE_GYPSY_OR_IRISH_TRAVELLER', 'WHITE_ROMA',
                           'WHITE_OTHER',
                           'OTHER_ARAB', 'OTHER_ANY',
                           'PREFER_NOT_TO_SAY')),
  preferred_language     TEXT CHECK (length(preferred_language) <= 60),
  interpreter_needed     BOOLEAN NOT NULL DEFAULT FALSE,
  address_line_1         TEXT CHECK (length(address_line_1) <= 100),
  address_line_2         TEXT CHECK (length(address_line_2) <= 100),
  town                   TEXT CHECK (length(town) <= 60),
  postcode               TEXT CHECK (postcode ~ '^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$'),
  phone                  TEXT CHECK (phone ~ '^[0-9 +()-]{10,20}$'),
  phone_consent          BOOLEAN NOT NULL DEFAULT FALSE,
  mobile                 TEXT CHECK (mobile ~ '^[0-9 +()-]{10,20}$'),
  sms_consent            BOOLEAN NOT NULL DEFAULT FALSE,
  email                  TEXT CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' AND length(email) <= 254),
  email_consent          BOOLEAN NOT NULL DEFAULT FALSE,
  -- A GP practice (an organisation in the identity module), checked through its API, not a foreign key.
  registered_practice_id UUID,
  deceased               BOOLEAN NOT NULL DEFAULT FALSE,
  date_of_death          DATE,
  search_name            TEXT GENERATED ALWAYS AS (
                           person_fold(given_name || ' ' || family_name || ' ' || coalesce(other_names, '')
                                       || ' ' || coalesce(preferred_name, ''))) STORED,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  version                BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  CHECK (gender_identity IS NULL OR gender_same_as_sex = 'NO'),
  CHECK (NOT phone_consent OR phone IS NOT NULL),
  CHECK (NOT sms_consent OR mobile IS NOT NULL),
  CHECK (NOT email_consent OR email IS NOT NULL),
  CHECK (date_of_death IS NULL OR (deceased AND date_of_death >= date_of_birth))
);

-- People without an NHS number can be recorded; with one, once per organisation.
CREATE UNIQUE INDEX person_nhs_number_uq ON person (organisation_id, nhs_number) WHERE nhs_number IS NOT NULL;
-- Pages address a person by id alone; the id is random, so this finds the one row (and its tenant).
CREATE INDEX person_id_ix ON person (id);
-- The access report finds a person by NHS number across organisations.
CREATE INDEX person_nhs_number_ix ON person (nhs_number) WHERE nhs_number IS NOT NULL;
CREATE INDEX person_date_of_birth_ix ON person (organisation_id, date_of_birth);
CREATE INDEX person_search_name_trgm_ix ON person USING gin (search_name gin_trgm_ops);
