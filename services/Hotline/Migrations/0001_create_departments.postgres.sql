CREATE TABLE departments (
  id text NOT NULL PRIMARY KEY,
  code text NOT NULL,
  name_da text NOT NULL,
  name_en text NOT NULL,
  director_name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_departments_code ON departments (code);
CREATE INDEX ix_departments_name_da ON departments (name_da, id);
