-- A family is known only by its pseudonymous reference; navigators are resource persons.
CREATE TABLE families (
  reference text NOT NULL PRIMARY KEY,
  department text NOT NULL,
  primary_navigator_id text,
  secondary_navigator_id text,
  flagged_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX families_flagged ON families (flagged_at);
