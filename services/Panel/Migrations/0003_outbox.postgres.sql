-- The notification outbox (lib/Civic.Hosting/Notifications): rows are written with the change they tell
-- about and delivered by the job panel:deliver-notifications.
CREATE TABLE notifications (
  id text NOT NULL PRIMARY KEY,
  about_id text NULL,
  kind text NOT NULL,
  channel text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  calendar text NULL,
  created_at timestamptz NOT NULL,
  claimed_until timestamptz NULL,
  sent_at timestamptz NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text NULL
);
CREATE INDEX ix_notifications_unsent ON notifications (sent_at, created_at);
CREATE INDEX ix_notifications_about ON notifications (about_id);
