-- The notification outbox (lib/Civic.Hosting/Notifications): rows are written with the change they tell
-- about and delivered by the job network:deliver-notifications.
CREATE TABLE notifications (
  id TEXT NOT NULL PRIMARY KEY,
  about_id TEXT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  calendar TEXT NULL,
  created_at INTEGER NOT NULL,
  claimed_until INTEGER NULL,
  sent_at INTEGER NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NULL
);
CREATE INDEX ix_notifications_unsent ON notifications (sent_at, created_at);
CREATE INDEX ix_notifications_about ON notifications (about_id);
