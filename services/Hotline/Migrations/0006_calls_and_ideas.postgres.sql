-- How each call went (with the referral and escalation fields the cross-service journeys use), and ideas.
ALTER TABLE bookings ADD COLUMN result text NULL;
ALTER TABLE bookings ADD COLUMN outcome_summary text NULL;
ALTER TABLE bookings ADD COLUMN follow_ups text NULL;
ALTER TABLE bookings ADD COLUMN referral text NULL;
ALTER TABLE bookings ADD COLUMN referral_note text NULL;
ALTER TABLE bookings ADD COLUMN escalate_to_panel boolean NOT NULL DEFAULT false;
ALTER TABLE bookings ADD COLUMN escalation_note text NULL;
ALTER TABLE bookings ADD COLUMN outcome_recorded_at timestamptz NULL;
ALTER TABLE bookings ADD COLUMN outcome_recorded_by text NULL;
CREATE INDEX ix_bookings_department_slot ON bookings (department_id, slot_starts_at);

CREATE TABLE ideas (
  id text NOT NULL PRIMARY KEY,
  department_id text NOT NULL REFERENCES departments (id),
  booking_id text NULL REFERENCES bookings (id),
  title text NOT NULL,
  description text NOT NULL,
  status text NOT NULL,
  decline_reason text NULL,
  created_at timestamptz NOT NULL,
  status_changed_at timestamptz NOT NULL
);
CREATE INDEX ix_ideas_created_at ON ideas (created_at, id);
CREATE INDEX ix_ideas_booking ON ideas (booking_id);
