-- Schedule rules and the sessions and slots a job materialises from them.
CREATE TABLE schedule_rules (
  id TEXT NOT NULL PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  week_of_month INTEGER NOT NULL,
  weekday INTEGER NOT NULL,
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  slot_minutes INTEGER NOT NULL,
  parallel_lines INTEGER NOT NULL CHECK (parallel_lines > 0),
  booking_opens_days_before INTEGER NOT NULL,
  booking_opens_minute INTEGER NOT NULL,
  booking_closes_hours_before INTEGER NOT NULL,
  holiday_policy TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ix_schedule_rules_department ON schedule_rules (department_id);

CREATE TABLE sessions (
  id TEXT NOT NULL PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  rule_id TEXT NOT NULL REFERENCES schedule_rules (id),
  nominal_date TEXT NOT NULL,
  date TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  booking_opens_at INTEGER NOT NULL,
  booking_closes_at INTEGER NOT NULL,
  cancelled_at INTEGER NULL,
  created_at INTEGER NOT NULL
);
-- One session per rule and month: materialising twice adds nothing.
CREATE UNIQUE INDEX ux_sessions_rule_nominal_date ON sessions (rule_id, nominal_date);
CREATE INDEX ix_sessions_department_starts_at ON sessions (department_id, starts_at);

CREATE TABLE slots (
  id TEXT NOT NULL PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions (id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  -- The last line of defence for "never more bookings than capacity".
  booked INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity)
);
CREATE UNIQUE INDEX ux_slots_session_starts_at ON slots (session_id, starts_at);
