ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'sqlite-default';
