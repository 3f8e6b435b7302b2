-- "Other" competences an administrator folded into the taxonomy: the text (lower-cased, the key) becomes a
-- synonym of competence_id; competence_name is set when the fold created that competence (the fixed
-- taxonomy in code has the others).
CREATE TABLE competence_folds (
  term TEXT NOT NULL PRIMARY KEY,
  text TEXT NOT NULL,
  competence_id TEXT NOT NULL,
  competence_name TEXT,
  folded_by TEXT NOT NULL,
  folded_at INTEGER NOT NULL
);
CREATE INDEX competence_folds_competence ON competence_folds (competence_id);

-- Meetings of network groups: a place, an online link or both; times in UTC.
CREATE TABLE network_group_meetings (
  id TEXT NOT NULL PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES network_groups (id),
  title TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  online_url TEXT NOT NULL DEFAULT '',
  agenda TEXT NOT NULL DEFAULT '',
  scheduled_by TEXT NOT NULL,
  scheduled_at INTEGER NOT NULL
);
CREATE INDEX network_group_meetings_group ON network_group_meetings (group_id, starts_at);
