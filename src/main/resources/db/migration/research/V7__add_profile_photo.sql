-- A team member's photo for the meet-the-team part of study updates (PNG or JPEG, checked when
-- uploaded), and the photo as a published update showed it, kept with the issue.
ALTER TABLE research_study_member
  ADD COLUMN photo BYTEA CHECK (length(photo) <= 1048576),
  ADD COLUMN photo_type TEXT CHECK (photo_type IN ('image/png', 'image/jpeg')),
  ADD CONSTRAINT research_study_member_photo_type CHECK ((photo IS NULL) = (photo_type IS NULL));
ALTER TABLE research_update
  ADD COLUMN featured_photo BYTEA,
  ADD COLUMN featured_photo_type TEXT CHECK (featured_photo_type IN ('image/png', 'image/jpeg'));
