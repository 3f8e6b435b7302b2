-- The name of whoever moved a case on, beside their subject. Moves logged before kept only the subject: it stands in.
ALTER TABLE case_phase_transitions ADD COLUMN changed_by_name TEXT NOT NULL DEFAULT '';
UPDATE case_phase_transitions SET changed_by_name = changed_by;
