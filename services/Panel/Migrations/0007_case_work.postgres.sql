CREATE TABLE panel_sessions (
  id text NOT NULL PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  starts_at timestamptz NOT NULL,
  place_type text NOT NULL,
  place text NOT NULL,
  agenda text NOT NULL
);
CREATE INDEX ix_panel_sessions_case ON panel_sessions (case_id, starts_at);
CREATE TABLE panel_contributions (
  id text NOT NULL PRIMARY KEY,
  session_id text NOT NULL REFERENCES panel_sessions (id),
  case_id text NOT NULL REFERENCES cases (id),
  member_id text NOT NULL,
  text text NOT NULL,
  recorded_at timestamptz NOT NULL,
  by_member boolean NOT NULL,
  recorded_by text NULL
);
CREATE INDEX ix_panel_contributions_case ON panel_contributions (case_id, member_id);
CREATE TABLE panel_syntheses (
  case_id text NOT NULL PRIMARY KEY REFERENCES cases (id),
  text text NOT NULL,
  stage text NOT NULL,
  updated_at timestamptz NOT NULL,
  note_to_members text NOT NULL DEFAULT '',
  review_response text NOT NULL DEFAULT '',
  finalised_at timestamptz NULL,
  finalised_by text NULL
);
CREATE TABLE panel_synthesis_comments (
  id text NOT NULL PRIMARY KEY,
  case_id text NOT NULL REFERENCES panel_syntheses (case_id),
  member_id text NOT NULL,
  text text NOT NULL,
  commented_at timestamptz NOT NULL
);
CREATE INDEX ix_panel_synthesis_comments_case ON panel_synthesis_comments (case_id, member_id);
CREATE TABLE panel_feedback (
  case_id text NOT NULL REFERENCES cases (id),
  member_id text NOT NULL,
  text text NOT NULL,
  given_at timestamptz NOT NULL,
  given_by text NOT NULL,
  PRIMARY KEY (case_id, member_id)
);
CREATE TABLE panel_feedback_escalations (
  id text NOT NULL PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  level integer NOT NULL,
  recipient text NOT NULL,
  missing_count integer NOT NULL,
  escalated_at timestamptz NOT NULL,
  UNIQUE (case_id, level)
);
CREATE TABLE panel_evaluations (
  case_id text NOT NULL PRIMARY KEY REFERENCES cases (id),
  goal_fulfilment text NOT NULL,
  goal_assessment text NOT NULL,
  involvement text NOT NULL,
  process text NOT NULL,
  learning text NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
