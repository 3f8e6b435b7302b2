-- A rule gives its seats first come, first served or by a request window and a lottery.
ALTER TABLE schedule_rules ADD COLUMN allocation TEXT NOT NULL DEFAULT 'FirstComeFirstServed';
ALTER TABLE schedule_rules ADD COLUMN request_window_minutes INTEGER NOT NULL DEFAULT 0;
-- A lottery session: requests until request_window_closes_at, then one draw (claimed by setting drawn_at) whose
-- seed is kept so the draw can be re-run and checked.
ALTER TABLE sessions ADD COLUMN request_window_closes_at INTEGER NULL;
ALTER TABLE sessions ADD COLUMN drawn_at INTEGER NULL;
ALTER TABLE sessions ADD COLUMN draw_seed INTEGER NULL;
-- A request is a booking with status Requested (slot_id: its first acceptable slot until the draw); these are the
-- slots it can accept, in the citizen's order.
CREATE TABLE requested_slots (
  booking_id TEXT NOT NULL REFERENCES bookings (id),
  slot_id TEXT NOT NULL REFERENCES slots (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (booking_id, slot_id)
);
CREATE INDEX ix_sessions_request_window_closes_at ON sessions (request_window_closes_at);
