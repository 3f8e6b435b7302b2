-- Deputies take over a session when the director cannot (a JSON array of names); one department takes citizens who do not know whom to ask.
ALTER TABLE departments ADD COLUMN deputy_names TEXT NOT NULL DEFAULT '[]';
ALTER TABLE departments ADD COLUMN takes_unsure_citizens INTEGER NOT NULL DEFAULT 0;
