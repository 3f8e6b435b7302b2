-- The search generation: a number that every change of what a search reads (profiles, their search rows, the
-- capacity ledger) increments, so that the service can keep first pages of results and know, by reading this
-- one row, whether a kept page is still the answer the database would give now (Search/SearchResultCache.cs).
CREATE TABLE search_generation (
  value bigint NOT NULL,
  -- The transaction that last incremented it: each transaction increments it once, however many rows it changes.
  changed_by bigint NOT NULL
);
INSERT INTO search_generation (value, changed_by) VALUES (0, 0);

CREATE FUNCTION search_generation_increment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_generation SET value = value + 1, changed_by = txid_current() WHERE changed_by <> txid_current();
  RETURN NULL;
END $$;

-- Deferred to the commit: the row is locked only for the last moment of a writing transaction, after every other
-- lock it takes, so concurrent writers queue briefly there and never deadlock on it. The increment becomes
-- visible together with the change, never before it: a reader that sees the new number sees the change too.
CREATE CONSTRAINT TRIGGER resource_persons_search_generation AFTER INSERT OR UPDATE OR DELETE ON resource_persons
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_generation_increment();
CREATE CONSTRAINT TRIGGER resource_person_search_search_generation AFTER INSERT OR UPDATE OR DELETE ON resource_person_search
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_generation_increment();
CREATE CONSTRAINT TRIGGER capacity_months_search_generation AFTER INSERT OR UPDATE OR DELETE ON capacity_months
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_generation_increment();
-- TRUNCATE fires no row trigger (the benchmark's loader empties the tables with it).
CREATE TRIGGER resource_persons_truncate_search_generation AFTER TRUNCATE ON resource_persons
  FOR EACH STATEMENT EXECUTE FUNCTION search_generation_increment();
CREATE TRIGGER resource_person_search_truncate_search_generation AFTER TRUNCATE ON resource_person_search
  FOR EACH STATEMENT EXECUTE FUNCTION search_generation_increment();
CREATE TRIGGER capacity_months_truncate_search_generation AFTER TRUNCATE ON capacity_months
  FOR EACH STATEMENT EXECUTE FUNCTION search_generation_increment();
