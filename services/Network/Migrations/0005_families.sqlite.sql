-- A family is known only by its pseudonymous reference; navigators are resource persons.
CREATE TABLE families (
  reference TEXT NOT NULL PRIMARY KEY,
  department TEXT NOT NULL,
  primary_navigator_id TEXT,
  secondary_navigator_id TEXT,
  flagged_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX families_flagged ON families (flagged_at);
