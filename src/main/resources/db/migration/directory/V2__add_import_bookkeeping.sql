-- When each harvest source was last tried, successful or not, so that an API that is down is
-- retried on its own schedule rather than at every check; and the import list's order.
ALTER TABLE directory_harvest_source ADD COLUMN last_attempted_at TIMESTAMPTZ;
CREATE INDEX directory_import_started_ix ON directory_import (started_at DESC);
