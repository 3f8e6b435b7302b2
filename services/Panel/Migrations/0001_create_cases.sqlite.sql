CREATE TABLE cases (
  id TEXT NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  owning_department TEXT NOT NULL,
  co_creation_type TEXT NOT NULL,
  phase TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ix_cases_created_at ON cases (created_at DESC, id DESC);
