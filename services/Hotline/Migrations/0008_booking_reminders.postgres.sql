-- When each booking's reminders (24 hours and 1 hour before the call) were put in the outbox: set once, by a
-- conditional update, so a reminder is enqueued exactly once however often the job runs.
ALTER TABLE bookings ADD COLUMN day_reminder_sent_at timestamptz NULL;
ALTER TABLE bookings ADD COLUMN hour_reminder_sent_at timestamptz NULL;
CREATE INDEX ix_bookings_status_slot_starts_at ON bookings (status, slot_starts_at);
