-- The ONS Postcode Directory also gives each postcode's Lower layer Super Output Area, 2011 and 2021
-- (columns lsoa11 and lsoa21), from which the reporting module finds the area's deprivation decile.
ALTER TABLE postcode_location
  ADD COLUMN lsoa11 TEXT CHECK (lsoa11 ~ '^[EW]0[0-9]{7}$'),
  ADD COLUMN lsoa21 TEXT CHECK (lsoa21 ~ '^[EW]0[0-9]{7}$');

-- The directory module's reporting contract (ADR 19).
CREATE VIEW postcode_area_v AS
SELECT postcode, lsoa11, lsoa21 FROM postcode_location;
