-- Rules can be changed and retired. version is the rule's etag: a change names the version it read, so two
-- administrators cannot overwrite each other unseen.
ALTER TABLE schedule_rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE schedule_rules ADD COLUMN retired_at INTEGER NULL;
ALTER TABLE schedule_rules ADD COLUMN updated_at INTEGER NULL;
-- A session belongs to the version of its rule that gave it. One session per rule version and month's day: a session
-- cancelled because the rule changed makes room for the changed rule's session of the same month.
ALTER TABLE sessions ADD COLUMN rule_version INTEGER NOT NULL DEFAULT 1;
DROP INDEX ux_sessions_rule_nominal_date;
CREATE UNIQUE INDEX ux_sessions_rule_version_nominal_date ON sessions (rule_id, rule_version, nominal_date);
-- Who created, changed or retired which rule, what changed and what it did to the coming sessions.
CREATE TABLE schedule_rule_changes (
  id TEXT NOT NULL PRIMARY KEY,
  rule_id TEXT NOT NULL REFERENCES schedule_rules (id),
  department_id TEXT NOT NULL REFERENCES departments (id),
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  changed_by_name TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  changes TEXT NOT NULL,
  booked_sessions TEXT NULL,
  reason TEXT NULL,
  sessions_replaced INTEGER NOT NULL,
  sessions_adjusted INTEGER NOT NULL,
  affected_sessions TEXT NOT NULL,
  affected_bookings INTEGER NOT NULL
);
CREATE INDEX ix_schedule_rule_changes_department ON schedule_rule_changes (department_id, changed_at);
