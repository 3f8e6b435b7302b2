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
