-- Topics route a citizen's call to the right department; a JSON array of strings.
ALTER TABLE departments ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
