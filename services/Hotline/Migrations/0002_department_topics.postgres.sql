-- Topics route a citizen's call to the right department.
ALTER TABLE departments ADD COLUMN topics text[] NOT NULL DEFAULT '{}';
