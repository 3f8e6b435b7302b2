-- languages is a comma-separated list of names, as on SQLite.
CREATE TABLE resource_persons (
  id text NOT NULL PRIMARY KEY,
  display_name text NOT NULL,
  organisation text NOT NULL,
  competences text[] NOT NULL DEFAULT '{}',
  challenge_areas text[] NOT NULL DEFAULT '{}',
  languages text NOT NULL DEFAULT '',
  capacity_hours_per_month integer NOT NULL,
  visibility text NOT NULL,
  created_at timestamptz NOT NULL
);
