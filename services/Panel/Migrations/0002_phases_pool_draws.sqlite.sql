ALTER TABLE cases ADD COLUMN scope_of_influence TEXT NOT NULL DEFAULT '';
CREATE TABLE case_phase_transitions (
  id TEXT NOT NULL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  from_phase TEXT NOT NULL,
  to_phase TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  changed_at INTEGER NOT NULL
);
CREATE INDEX ix_case_phase_transitions_case ON case_phase_transitions (case_id, changed_at);
CREATE TABLE feature_schema_values (
  category TEXT NOT NULL,
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (category, value)
);
CREATE TABLE pool_members (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  household_key TEXT NULL,
  features TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE panel_draws (
  id TEXT NOT NULL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  record TEXT NOT NULL,
  drawn_by TEXT NOT NULL,
  drawn_at INTEGER NOT NULL
);
CREATE INDEX ix_panel_draws_case ON panel_draws (case_id, drawn_at DESC);
