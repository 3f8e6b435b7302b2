-- "Other" competences an administrator folded into the taxonomy: the text (lower-cased, the key) becomes a
-- synonym of competence_id; competence_name is set when the fold created that competence (the fixed
-- taxonomy in code has the others).
CREATE TABLE competence_folds (
  term text NOT NULL PRIMARY KEY,
  text text NOT NULL,
  competence_id text NOT NULL,
  competence_name text,
  folded_by text NOT NULL,
  folded_at timestamptz NOT NULL
);
CREATE INDEX competence_folds_competence ON competence_folds (competence_id);

-- Meetings of network groups: a place, an online link or both; times in UTC.
CREATE TABLE network_group_meetings (
  id text NOT NULL PRIMARY KEY,
  group_id text NOT NULL REFERENCES network_groups (id),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '',
  online_url text NOT NULL DEFAULT '',
  agenda text NOT NULL DEFAULT '',
  scheduled_by text NOT NULL,
  scheduled_at timestamptz NOT NULL
);
CREATE INDEX network_group_meetings_group ON network_group_meetings (group_id, starts_at);
