CREATE TABLE departments (
  id TEXT NOT NULL PRIMARY KEY,
  code TEXT NOT NULL,
  name_da TEXT NOT NULL,
  name_en TEXT NOT NULL,
  director_name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_departments_code ON departments (code);
CREATE INDEX ix_departments_name_da ON departments (name_da, id);
