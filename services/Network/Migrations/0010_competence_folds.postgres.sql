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
