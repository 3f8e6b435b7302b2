-- competences and challenge_areas are JSON arrays of strings; languages is a comma-separated list of names.
CREATE TABLE resource_persons (
  id TEXT NOT NULL PRIMARY KEY,
  display_name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  competences TEXT NOT NULL DEFAULT '[]',
  challenge_areas TEXT NOT NULL DEFAULT '[]',
  languages TEXT NOT NULL DEFAULT '',
  capacity_hours_per_month INTEGER NOT NULL,
  visibility TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
