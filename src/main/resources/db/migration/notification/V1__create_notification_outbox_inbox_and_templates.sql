-- Notifications (notification module, docs/adr/0013-notification-outbox-and-job-scheduler.md).

-- Templates administrators have changed. They belong to the deployment (organisation_id is the
-- deployment's id); a template with no row uses its defaults from the code.
CREATE TABLE notification_template (
  organisation_id UUID NOT NULL,
  template        TEXT NOT NULL,
  in_app_title    TEXT,
  email_subject   TEXT NOT NULL,
  email_body      TEXT NOT NULL,
  sms_body        TEXT,
  in_app_enabled  BOOLEAN NOT NULL,
  email_enabled   BOOLEAN NOT NULL,
  sms_enabled     BOOLEAN NOT NULL,
  updated_by      UUID,
  updated_at      TIMESTAMPTZ NOT NULL,
  version         BIGINT NOT NULL,
  PRIMARY KEY (organisation_id, template)
);

-- The transactional outbox: emails and text messages written in the transaction of the change that
-- causes them, then sent by a dispatcher. Subject and body are rendered when the row is written.
CREATE TABLE notification_outbox (
  organisation_id     UUID NOT NULL,
  id                  UUID NOT NULL,
  channel             TEXT NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  template            TEXT NOT NULL,
  recipient_user_id   UUID,
  recipient_person_id UUID,
  address             TEXT NOT NULL,
  subject             TEXT,
  body                TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
  attempts            INT NOT NULL DEFAULT 0,
  next_attempt_at     TIMESTAMPTZ NOT NULL,
  -- While SENDING: the dispatcher that claimed the row holds it until then; afterwards another may.
  claimed_until       TIMESTAMPTZ,
  provider_reference  TEXT,
  last_error          TEXT,
  created_at          TIMESTAMPTZ NOT NULL,
  sent_at             TIMESTAMPTZ,
  PRIMARY KEY (organisation_id, id),
  CHECK ((recipient_user_id IS NULL) <> (recipient_person_id IS NULL)),
  CHECK (channel = 'SMS' OR subject IS NOT NULL)
);
-- The dispatcher's two kinds of due row: pending and due, or sending with an ended lease.
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_outbox_lease_idx ON notification_outbox (claimed_until) WHERE status = 'SENDING';
CREATE INDEX notification_outbox_person_idx ON notification_outbox (organisation_id, recipient_person_id)
  WHERE recipient_person_id IS NOT NULL;
CREATE INDEX notification_outbox_created_idx ON notification_outbox (created_at DESC);

-- Staff users' in-app notifications, read after sign-in.
CREATE TABLE notification_inbox (
  organisation_id UUID NOT NULL,
  id              UUID NOT NULL,
  user_id         UUID NOT NULL,
  template        TEXT NOT NULL,
  title           TEXT NOT NULL,
  link            TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  read_at         TIMESTAMPTZ,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX notification_inbox_user_idx ON notification_inbox (user_id, created_at DESC, id DESC);
CREATE INDEX notification_inbox_unread_idx ON notification_inbox (user_id) WHERE read_at IS NULL;
