-- The case's brief (CaseService.UpdateCaseBrief): its purpose, and as JSON text lists (like pool_members.features)
-- the success criteria, the stakeholders ({"Name","Interest"}) and the questions for the panel.
ALTER TABLE cases ADD COLUMN purpose text NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN success_criteria text NOT NULL DEFAULT '[]';
ALTER TABLE cases ADD COLUMN stakeholders text NOT NULL DEFAULT '[]';
ALTER TABLE cases ADD COLUMN panel_questions text NOT NULL DEFAULT '[]';
