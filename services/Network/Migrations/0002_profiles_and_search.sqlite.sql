-- Profiles get the full model; lists are JSON arrays, public_fields a comma-separated list of names (as languages).
ALTER TABLE resource_persons ADD COLUMN kind TEXT NOT NULL DEFAULT 'Staff';
ALTER TABLE resource_persons ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE resource_persons ADD COLUMN competence_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE resource_persons ADD COLUMN services_known TEXT NOT NULL DEFAULT '[]';
ALTER TABLE resource_persons ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE resource_persons ADD COLUMN manager_id TEXT NOT NULL DEFAULT '';
ALTER TABLE resource_persons ADD COLUMN owner_id TEXT NOT NULL DEFAULT '';
-- Profiles listed before opt-in existed were listed on purpose: they stay listed (new rows always set it).
ALTER TABLE resource_persons ADD COLUMN opted_in INTEGER NOT NULL DEFAULT 1;
ALTER TABLE resource_persons ADD COLUMN public_fields TEXT NOT NULL DEFAULT '';
ALTER TABLE resource_persons ADD COLUMN completed_assignments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE resource_persons ADD COLUMN feedback_points INTEGER NOT NULL DEFAULT 0;
ALTER TABLE resource_persons ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
UPDATE resource_persons SET updated_at = created_at;
-- A public profile showed every field before field-level visibility: it keeps showing them.
UPDATE resource_persons SET public_fields = 'Organisation,Competences,ChallengeAreas,Languages,Capacity' WHERE visibility = 'Public';

-- One row per profile and audience, holding Snowball-Danish stems (written by the service; SQLite has no
-- Danish stemmer). Rows copied here from older profiles hold their words unstemmed until the profile is saved.
CREATE VIRTUAL TABLE resource_person_search USING fts5(
  person_id UNINDEXED, audience UNINDEXED, name, competences, areas, services, description,
  tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO resource_person_search (person_id, audience, name, competences, areas, services, description)
  SELECT id, 'Internal', display_name || ' ' || organisation,
    (SELECT group_concat(value, ' ') FROM json_each(competences)), (SELECT group_concat(value, ' ') FROM json_each(challenge_areas)), '', ''
  FROM resource_persons;
INSERT INTO resource_person_search (person_id, audience, name, competences, areas, services, description)
  SELECT id, 'Public', display_name || ' ' || organisation,
    (SELECT group_concat(value, ' ') FROM json_each(competences)), (SELECT group_concat(value, ' ') FROM json_each(challenge_areas)), '', ''
  FROM resource_persons WHERE visibility = 'Public';

-- The capacity ledger: hours approved per person and calendar month. Approvals add to booked_hours
-- with one conditional UPDATE, so concurrent approvals cannot pass the budget.
CREATE TABLE capacity_months (
  person_id TEXT NOT NULL REFERENCES resource_persons (id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  booked_hours INTEGER NOT NULL DEFAULT 0 CHECK (booked_hours >= 0),
  PRIMARY KEY (person_id, month)
);
