CREATE TABLE cases (
  id text NOT NULL PRIMARY KEY,
  title text NOT NULL,
  summary text NOT NULL,
  owning_department text NOT NULL,
  co_creation_type text NOT NULL,
  phase text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ix_cases_created_at ON cases (created_at DESC, id DESC);
