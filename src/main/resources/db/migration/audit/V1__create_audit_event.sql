-- Append-only record of who read or changed which person's record, sign-ins and refusals.
-- organisation_id is the organisation the actor acted for (the deployment for anonymous events).
CREATE TABLE audit_event (
  organisation_id UUID NOT NULL,
  id              BIGSERIAL NOT NULL,
  occurred_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  user_id         UUID,
  username        TEXT,
  role            TEXT,
  action          TEXT NOT NULL,
  outcome         TEXT NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED')),
  record_type     TEXT,
  record_id       TEXT,
  person_id       UUID,
  remote_address  TEXT,
  request_id      TEXT,
  detail          TEXT,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX audit_event_person_ix ON audit_event (person_id, occurred_at) WHERE person_id IS NOT NULL;
CREATE INDEX audit_event_user_ix ON audit_event (user_id, occurred_at);
CREATE INDEX audit_event_occurred_ix ON audit_event (occurred_at);
CREATE INDEX audit_event_action_ix ON audit_event (action, occurred_at);

-- The database itself refuses to change or remove an audit entry, whoever asks.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
