ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'postgres-default';
