-- Schedule rules and the sessions and slots a job materialises from them.
CREATE TABLE schedule_rules (
  id text NOT NULL PRIMARY KEY,
  department_id text NOT NULL REFERENCES departments (id),
  week_of_month integer NOT NULL,
  weekday integer NOT NULL,
  start_minute integer NOT NULL,
  end_minute integer NOT NULL,
  slot_minutes integer NOT NULL,
  parallel_lines integer NOT NULL CHECK (parallel_lines > 0),
  booking_opens_days_before integer NOT NULL,
  booking_opens_minute integer NOT NULL,
  booking_closes_hours_before integer NOT NULL,
  holiday_policy text NOT NULL,
  valid_from date NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ix_schedule_rules_department ON schedule_rules (department_id);

CREATE TABLE sessions (
  id text NOT NULL PRIMARY KEY,
  department_id text NOT NULL REFERENCES departments (id),
  rule_id text NOT NULL REFERENCES schedule_rules (id),
  nominal_date date NOT NULL,
  date date NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  booking_opens_at timestamptz NOT NULL,
  booking_closes_at timestamptz NOT NULL,
  cancelled_at timestamptz NULL,
  created_at timestamptz NOT NULL
);
-- One session per rule and month: materialising twice adds nothing.
CREATE UNIQUE INDEX ux_sessions_rule_nominal_date ON sessions (rule_id, nominal_date);
CREATE INDEX ix_sessions_department_starts_at ON sessions (department_id, starts_at);

CREATE TABLE slots (
  id text NOT NULL PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  -- The last line of defence for "never more bookings than capacity".
  booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity)
);
CREATE UNIQUE INDEX ux_slots_session_starts_at ON slots (session_id, starts_at);
