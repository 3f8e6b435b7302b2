-- Profiles get the full model; lists are text[], public_fields a comma-separated list of names (as languages).
ALTER TABLE resource_persons
  ADD COLUMN kind text NOT NULL DEFAULT 'Staff',
  ADD COLUMN role text NOT NULL DEFAULT '',
  ADD COLUMN competence_ids text[] NOT NULL DEFAULT '{}',
  ADD COLUMN services_known text[] NOT NULL DEFAULT '{}',
  ADD COLUMN description text NOT NULL DEFAULT '',
  ADD COLUMN manager_id text NOT NULL DEFAULT '',
  ADD COLUMN owner_id text NOT NULL DEFAULT '',
  -- Profiles listed before opt-in existed were listed on purpose: they stay listed.
  ADD COLUMN opted_in boolean NOT NULL DEFAULT true,
  ADD COLUMN public_fields text NOT NULL DEFAULT '',
  ADD COLUMN completed_assignments integer NOT NULL DEFAULT 0,
  ADD COLUMN feedback_points integer NOT NULL DEFAULT 0,
  ADD COLUMN updated_at timestamptz;
UPDATE resource_persons SET updated_at = created_at;
ALTER TABLE resource_persons ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE resource_persons ALTER COLUMN opted_in SET DEFAULT false;
-- A public profile showed every field before field-level visibility: it keeps showing them.
UPDATE resource_persons SET public_fields = 'Organisation,Competences,ChallengeAreas,Languages,Capacity' WHERE visibility = 'Public';

-- One row per profile and audience ('Internal': every field; 'Public': the shared fields of a public profile).
CREATE TABLE resource_person_search (
  person_id text NOT NULL REFERENCES resource_persons (id) ON DELETE CASCADE,
  audience text NOT NULL,
  name text NOT NULL,
  competences text NOT NULL,
  areas text NOT NULL,
  services text NOT NULL,
  description text NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('danish', competences), 'A') ||
    setweight(to_tsvector('danish', areas), 'B') ||
    setweight(to_tsvector('danish', name || ' ' || services), 'C') ||
    setweight(to_tsvector('danish', description), 'D')) STORED,
  PRIMARY KEY (person_id, audience)
);
CREATE INDEX resource_person_search_document ON resource_person_search USING gin (document);
INSERT INTO resource_person_search (person_id, audience, name, competences, areas, services, description)
  SELECT id, 'Internal', display_name || ' ' || organisation, array_to_string(competences, ' '), array_to_string(challenge_areas, ' '), '', ''
  FROM resource_persons;
INSERT INTO resource_person_search (person_id, audience, name, competences, areas, services, description)
  SELECT id, 'Public', display_name || ' ' || organisation, array_to_string(competences, ' '), array_to_string(challenge_areas, ' '), '', ''
  FROM resource_persons WHERE visibility = 'Public';

-- The capacity ledger: hours approved per person and calendar month. Approvals add to booked_hours
-- with one conditional UPDATE, so concurrent approvals cannot pass the budget.
CREATE TABLE capacity_months (
  person_id text NOT NULL REFERENCES resource_persons (id) ON DELETE CASCADE,
  month text NOT NULL,
  booked_hours integer NOT NULL DEFAULT 0 CHECK (booked_hours >= 0),
  PRIMARY KEY (person_id, month)
);
