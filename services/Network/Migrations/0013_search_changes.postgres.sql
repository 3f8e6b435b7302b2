-- Which profiles' search data changed at which search generation (Search/InMemory): the service keeps a search
-- index in memory and, when the generation has moved, re-reads only the profiles changed since its own. One row per
-- profile (the latest change wins), so the table stays as small as the profiles ever searched; a deleted profile
-- keeps its row, which is how the index learns that it is gone. An empty person_id: everything changed (TRUNCATE).
CREATE TABLE search_changes (
  person_id text PRIMARY KEY,
  generation bigint NOT NULL
);
CREATE INDEX search_changes_generation ON search_changes (generation);

-- Increments the generation as search_generation_increment does (once per transaction), then records the row's
-- profile with the transaction's generation. Deferred to the commit like it: the generation row stays locked from
-- the increment to the commit, so generations are committed in order, and a reader that sees generation g sees
-- every change recorded at g or before.
CREATE FUNCTION search_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    changed := '';
  ELSIF TG_OP = 'DELETE' THEN
    changed := OLD.person_id;
  ELSE
    changed := NEW.person_id;
  END IF;
  UPDATE search_generation SET value = value + 1, changed_by = txid_current() WHERE changed_by <> txid_current();
  INSERT INTO search_changes (person_id, generation) SELECT changed, value FROM search_generation
    ON CONFLICT (person_id) DO UPDATE SET generation = excluded.generation;
  RETURN NULL;
END $$;

DROP TRIGGER resource_person_search_search_generation ON resource_person_search;
DROP TRIGGER capacity_months_search_generation ON capacity_months;
DROP TRIGGER resource_person_search_truncate_search_generation ON resource_person_search;
DROP TRIGGER capacity_months_truncate_search_generation ON capacity_months;
CREATE CONSTRAINT TRIGGER resource_person_search_search_changes AFTER INSERT OR UPDATE OR DELETE ON resource_person_search
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_changes_record();
CREATE CONSTRAINT TRIGGER capacity_months_search_changes AFTER INSERT OR UPDATE OR DELETE ON capacity_months
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER resource_person_search_truncate_search_changes AFTER TRUNCATE ON resource_person_search
  FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER capacity_months_truncate_search_changes AFTER TRUNCATE ON capacity_months
  FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
