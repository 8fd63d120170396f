-- The lists newest first without sorting every row: a VCS organisation's whole inbox (and its closed
-- referrals, most of it) walks this index in order; so does the service figures' "received in the
-- last 90 days".
CREATE INDEX connection_holder_recent_ix ON connection (service_holder_id, requested_at DESC, id);
-- A PCN's open connections (the manager's list), newest first.
CREATE INDEX connection_open_ix ON connection (organisation_id, requested_at DESC, id)
  WHERE status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD');
