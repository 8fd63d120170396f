-- The code lists an administrator maintains (DOMAIN.md "Working vocabularies"). They belong to the
-- deployment (organisation_id is the deployment's id): in a distributed schema they become reference
-- tables copied to every node. Codes are stored by other modules and never change; labels may.
CREATE TABLE code_list_entry (
  organisation_id UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
  list            TEXT NOT NULL CHECK (list IN ('REFERRAL_SOURCE', 'NEED', 'CONTACT_TYPE', 'CLOSURE_REASON')),
  code            TEXT NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
  label           TEXT NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 120),
  -- A SNOMED CT concept id: 6 to 18 digits.
  snomed_code     TEXT CHECK (snomed_code ~ '^[1-9][0-9]{5,17}$'),
  active          BOOLEAN NOT NULL DEFAULT TRUE,
  position        INTEGER NOT NULL DEFAULT 0,
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  version         BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, list, code)
);
CREATE UNIQUE INDEX code_list_entry_label_uq ON code_list_entry (organisation_id, list, lower(label));

INSERT INTO code_list_entry (list, code, label, position) VALUES
  ('REFERRAL_SOURCE', 'GP', 'GP', 1),
  ('REFERRAL_SOURCE', 'PRACTICE_NURSE', 'Practice nurse', 2),
  ('REFERRAL_SOURCE', 'OTHER_PRACTICE_STAFF', 'Other practice staff', 3),
  ('REFERRAL_SOURCE', 'COMMUNITY_PHARMACIST', 'Community pharmacist', 4),
  ('REFERRAL_SOURCE', 'HOSPITAL', 'Hospital', 5),
  ('REFERRAL_SOURCE', 'MENTAL_HEALTH_SERVICE', 'Mental health service', 6),
  ('REFERRAL_SOURCE', 'SOCIAL_CARE', 'Adult social care or local authority', 7),
  ('REFERRAL_SOURCE', 'HOUSING_PROVIDER', 'Housing provider', 8),
  ('REFERRAL_SOURCE', 'EMERGENCY_SERVICES', 'Police, fire or ambulance', 9),
  ('REFERRAL_SOURCE', 'VCS', 'Voluntary or community organisation', 10),
  ('REFERRAL_SOURCE', 'SELF', 'Self-referral', 11),
  ('REFERRAL_SOURCE', 'FAMILY_OR_CARER', 'Family member or carer', 12),
  ('REFERRAL_SOURCE', 'OTHER', 'Other', 13),
  -- The need domain codes are the ones the directory tags services with (shared.NeedDomain).
  ('NEED', 'LONELINESS', 'Loneliness and social isolation', 1),
  ('NEED', 'MONEY', 'Money, debt and benefits', 2),
  ('NEED', 'HOUSING', 'Housing', 3),
  ('NEED', 'MENTAL_WELLBEING', 'Mental wellbeing', 4),
  ('NEED', 'PHYSICAL_ACTIVITY', 'Physical activity', 5),
  ('NEED', 'FOOD', 'Healthy eating and food', 6),
  ('NEED', 'LONG_TERM_CONDITION', 'Long-term condition support', 7),
  ('NEED', 'CARER_SUPPORT', 'Carer support', 8),
  ('NEED', 'EMPLOYMENT', 'Employment, volunteering and learning', 9),
  ('NEED', 'BEREAVEMENT', 'Bereavement', 10),
  ('NEED', 'TRANSPORT', 'Transport and getting about', 11),
  ('NEED', 'DIGITAL_INCLUSION', 'Digital inclusion', 12),
  ('NEED', 'LEGAL_ADVICE', 'Legal advice', 13),
  ('NEED', 'SUBSTANCE_USE', 'Substance use', 14),
  ('NEED', 'SAFETY', 'Safety (domestic abuse, safeguarding)', 15),
  ('NEED', 'OTHER', 'Other', 16),
  ('CONTACT_TYPE', 'FACE_TO_FACE_PRACTICE', 'Face to face at the practice', 1),
  ('CONTACT_TYPE', 'HOME_VISIT', 'Home visit', 2),
  ('CONTACT_TYPE', 'COMMUNITY_VENUE', 'Community venue', 3),
  ('CONTACT_TYPE', 'PHONE', 'Phone', 4),
  ('CONTACT_TYPE', 'VIDEO', 'Video', 5),
  ('CONTACT_TYPE', 'TEXT_OR_EMAIL', 'Text or email', 6),
  ('CONTACT_TYPE', 'GROUP_SESSION', 'Group session', 7),
  ('CLOSURE_REASON', 'GOALS_MET', 'Goals met', 1),
  ('CLOSURE_REASON', 'PERSON_CHOSE_TO_STOP', 'Person chose to stop', 2),
  ('CLOSURE_REASON', 'DID_NOT_ENGAGE', 'Did not engage after repeated attempts', 3),
  ('CLOSURE_REASON', 'MOVED_AWAY', 'Moved away', 4),
  ('CLOSURE_REASON', 'REFERRED_ELSEWHERE', 'Referred to a more suitable service', 5),
  ('CLOSURE_REASON', 'DIED', 'Died', 6),
  ('CLOSURE_REASON', 'OTHER', 'Other', 7);
