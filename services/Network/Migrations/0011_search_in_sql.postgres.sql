-- Search ranks, filters, pages and counts facets in SQL (issue 10: 100,000 profiles). Everything it reads of a
-- profile is kept on the search row, already redacted for the row's audience, so that a search reads the matching
-- rows of one table (and this month's ledger), not the profiles. Saving a profile rewrites its rows; what other
-- features change on the profile (evidence, staleness, capacity) is copied by the trigger below.
ALTER TABLE resource_person_search
  ADD COLUMN organisation text NOT NULL DEFAULT '',
  ADD COLUMN competence_ids text[] NOT NULL DEFAULT '{}',
  -- The broad competences of competence_ids (the taxonomy's parents), each once: the competence facet.
  ADD COLUMN broad_competence_ids text[] NOT NULL DEFAULT '{}',
  ADD COLUMN other_competences text[] NOT NULL DEFAULT '{}',
  ADD COLUMN challenge_areas text[] NOT NULL DEFAULT '{}',
  ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
  ADD COLUMN capacity_hours integer NOT NULL DEFAULT 0,
  ADD COLUMN completed_assignments integer NOT NULL DEFAULT 0,
  ADD COLUMN feedback_points integer NOT NULL DEFAULT 0,
  ADD COLUMN stale boolean NOT NULL DEFAULT false;

-- As ProfileVisibility.ForOutsiders: a public row shows only the shared fields, and never the feedback points.
CREATE FUNCTION resource_person_search_shares(audience text, public_fields text, field text) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$ SELECT audience = 'Internal' OR strpos(',' || public_fields || ',', ',' || field || ',') > 0 $$;

UPDATE resource_person_search s SET
  organisation = CASE WHEN resource_person_search_shares(s.audience, p.public_fields, 'Organisation') THEN p.organisation ELSE '' END,
  competence_ids = CASE WHEN resource_person_search_shares(s.audience, p.public_fields, 'Competences') THEN p.competence_ids ELSE '{}' END,
  broad_competence_ids = CASE WHEN resource_person_search_shares(s.audience, p.public_fields, 'Competences')
    THEN ARRAY(SELECT DISTINCT split_part(x, '.', 1) FROM unnest(p.competence_ids) x) ELSE '{}' END,
  other_competences = CASE WHEN resource_person_search_shares(s.audience, p.public_fields, 'Competences') THEN p.competences ELSE '{}' END,
  challenge_areas = CASE WHEN resource_person_search_shares(s.audience, p.public_fields, 'ChallengeAreas') THEN p.challenge_areas ELSE '{}' END,
  languages = CASE WHEN resource_person_search_shares(s.audience, p.public_fields, 'Languages') THEN string_to_array(p.languages, ',') ELSE '{}' END,
  capacity_hours = CASE WHEN resource_person_search_shares(s.audience, p.public_fields, 'Capacity') THEN p.capacity_hours_per_month ELSE 0 END,
  completed_assignments = p.completed_assignments,
  feedback_points = CASE WHEN s.audience = 'Internal' THEN p.feedback_points ELSE 0 END,
  stale = coalesce(p.confirmation_requested_at > p.confirmed_at, false)
FROM resource_persons p
WHERE p.id = s.person_id;

CREATE FUNCTION resource_person_search_copy_ranking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE resource_person_search SET
    capacity_hours = CASE WHEN resource_person_search_shares(audience, NEW.public_fields, 'Capacity') THEN NEW.capacity_hours_per_month ELSE 0 END,
    completed_assignments = NEW.completed_assignments,
    feedback_points = CASE WHEN audience = 'Internal' THEN NEW.feedback_points ELSE 0 END,
    stale = coalesce(NEW.confirmation_requested_at > NEW.confirmed_at, false)
  WHERE person_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER resource_persons_copy_ranking
  AFTER UPDATE OF capacity_hours_per_month, public_fields, completed_assignments, feedback_points, confirmed_at, confirmation_requested_at
  ON resource_persons FOR EACH ROW EXECUTE FUNCTION resource_person_search_copy_ranking();

-- Every search is for one audience: one index each, so a public search never walks internal rows.
CREATE INDEX resource_person_search_internal ON resource_person_search USING gin (document) WHERE audience = 'Internal';
CREATE INDEX resource_person_search_public ON resource_person_search USING gin (document) WHERE audience = 'Public';
DROP INDEX resource_person_search_document;
