-- Deputies take over a session when the director cannot; one department takes citizens who do not know whom to ask.
ALTER TABLE departments ADD COLUMN deputy_names text[] NOT NULL DEFAULT '{}';
ALTER TABLE departments ADD COLUMN takes_unsure_citizens boolean NOT NULL DEFAULT false;
