-- The employee who coordinates a case (CaseService.TakeOverCase hands it over). Cases opened before have none: empty.
ALTER TABLE cases ADD COLUMN coordinator_name text NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN coordinator_subject text NOT NULL DEFAULT '';
