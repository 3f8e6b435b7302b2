CREATE TABLE panel_sessions (
  id TEXT NOT NULL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  starts_at INTEGER NOT NULL,
  place_type TEXT NOT NULL,
  place TEXT NOT NULL,
  agenda TEXT NOT NULL
);
CREATE INDEX ix_panel_sessions_case ON panel_sessions (case_id, starts_at);
CREATE TABLE panel_contributions (
  id TEXT NOT NULL PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES panel_sessions (id),
  case_id TEXT NOT NULL REFERENCES cases (id),
  member_id TEXT NOT NULL,
  text TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  by_member INTEGER NOT NULL,
  recorded_by TEXT NULL
);
CREATE INDEX ix_panel_contributions_case ON panel_contributions (case_id, member_id);
CREATE TABLE panel_syntheses (
  case_id TEXT NOT NULL PRIMARY KEY REFERENCES cases (id),
  text TEXT NOT NULL,
  stage TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  note_to_members TEXT NOT NULL DEFAULT '',
  review_response TEXT NOT NULL DEFAULT '',
  finalised_at INTEGER NULL,
  finalised_by TEXT NULL
);
CREATE TABLE panel_synthesis_comments (
  id TEXT NOT NULL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES panel_syntheses (case_id),
  member_id TEXT NOT NULL,
  text TEXT NOT NULL,
  commented_at INTEGER NOT NULL
);
CREATE INDEX ix_panel_synthesis_comments_case ON panel_synthesis_comments (case_id, member_id);
CREATE TABLE panel_feedback (
  case_id TEXT NOT NULL REFERENCES cases (id),
  member_id TEXT NOT NULL,
  text TEXT NOT NULL,
  given_at INTEGER NOT NULL,
  given_by TEXT NOT NULL,
  PRIMARY KEY (case_id, member_id)
);
CREATE TABLE panel_feedback_escalations (
  id TEXT NOT NULL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  level INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  missing_count INTEGER NOT NULL,
  escalated_at INTEGER NOT NULL,
  UNIQUE (case_id, level)
);
CREATE TABLE panel_evaluations (
  case_id TEXT NOT NULL PRIMARY KEY REFERENCES cases (id),
  goal_fulfilment TEXT NOT NULL,
  goal_assessment TEXT NOT NULL,
  involvement TEXT NOT NULL,
  process TEXT NOT NULL,
  learning TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
