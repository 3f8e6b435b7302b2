-- Rules can be changed and retired. version is the rule's etag: a change names the version it read, so two
-- administrators cannot overwrite each other unseen.
ALTER TABLE schedule_rules ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE schedule_rules ADD COLUMN retired_at timestamptz NULL;
ALTER TABLE schedule_rules ADD COLUMN updated_at timestamptz NULL;
-- A session belongs to the version of its rule that gave it. One session per rule version and month's day: a session
-- cancelled because the rule changed makes room for the changed rule's session of the same month.
ALTER TABLE sessions ADD COLUMN rule_version integer NOT NULL DEFAULT 1;
DROP INDEX ux_sessions_rule_nominal_date;
CREATE UNIQUE INDEX ux_sessions_rule_version_nominal_date ON sessions (rule_id, rule_version, nominal_date);
-- Who created, changed or retired which rule, what changed and what it did to the coming sessions.
CREATE TABLE schedule_rule_changes (
  id text NOT NULL PRIMARY KEY,
  rule_id text NOT NULL REFERENCES schedule_rules (id),
  department_id text NOT NULL REFERENCES departments (id),
  kind text NOT NULL,
  version integer NOT NULL,
  changed_by text NOT NULL,
  changed_by_name text NOT NULL,
  changed_at timestamptz NOT NULL,
  changes text NOT NULL,
  booked_sessions text NULL,
  reason text NULL,
  sessions_replaced integer NOT NULL,
  sessions_adjusted integer NOT NULL,
  affected_sessions text NOT NULL,
  affected_bookings integer NOT NULL
);
CREATE INDEX ix_schedule_rule_changes_department ON schedule_rule_changes (department_id, changed_at);
