-- The referrer may withdraw a referral that still waits for triage (a GP system cancels its Task,
-- or the referrer presses Withdraw); the reason is the note of that status change.
ALTER TABLE referral DROP CONSTRAINT referral_status_check;
ALTER TABLE referral ADD CONSTRAINT referral_status_check
  CHECK (status IN ('RECEIVED', 'INFORMATION_REQUESTED', 'ACCEPTED', 'DECLINED', 'CLOSED', 'WITHDRAWN'));
