-- How each call went (with the referral and escalation fields the cross-service journeys use), and ideas.
ALTER TABLE bookings ADD COLUMN result TEXT NULL;
ALTER TABLE bookings ADD COLUMN outcome_summary TEXT NULL;
ALTER TABLE bookings ADD COLUMN follow_ups TEXT NULL;
ALTER TABLE bookings ADD COLUMN referral TEXT NULL;
ALTER TABLE bookings ADD COLUMN referral_note TEXT NULL;
ALTER TABLE bookings ADD COLUMN escalate_to_panel INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN escalation_note TEXT NULL;
ALTER TABLE bookings ADD COLUMN outcome_recorded_at INTEGER NULL;
ALTER TABLE bookings ADD COLUMN outcome_recorded_by TEXT NULL;
CREATE INDEX ix_bookings_department_slot ON bookings (department_id, slot_starts_at);

CREATE TABLE ideas (
  id TEXT NOT NULL PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  booking_id TEXT NULL REFERENCES bookings (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  decline_reason TEXT NULL,
  created_at INTEGER NOT NULL,
  status_changed_at INTEGER NOT NULL
);
CREATE INDEX ix_ideas_created_at ON ideas (created_at, id);
CREATE INDEX ix_ideas_booking ON ideas (booking_id);
