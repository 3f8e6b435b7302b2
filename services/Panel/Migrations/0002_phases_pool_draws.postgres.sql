ALTER TABLE cases ADD COLUMN scope_of_influence text NOT NULL DEFAULT '';
CREATE TABLE case_phase_transitions (
  id text NOT NULL PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  from_phase text NOT NULL,
  to_phase text NOT NULL,
  changed_by text NOT NULL,
  reason text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX ix_case_phase_transitions_case ON case_phase_transitions (case_id, changed_at);
CREATE TABLE feature_schema_values (
  category text NOT NULL,
  value text NOT NULL,
  label text NOT NULL,
  PRIMARY KEY (category, value)
);
CREATE TABLE pool_members (
  id text NOT NULL PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  household_key text NULL,
  features text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE panel_draws (
  id text NOT NULL PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  record text NOT NULL,
  drawn_by text NOT NULL,
  drawn_at timestamptz NOT NULL
);
CREATE INDEX ix_panel_draws_case ON panel_draws (case_id, drawn_at DESC);
