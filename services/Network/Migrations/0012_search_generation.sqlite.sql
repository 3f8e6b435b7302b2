-- The search generation: a number that every change of what a search reads (profiles, their search rows, the
-- capacity ledger) increments, so that the service can keep first pages of results and know, by reading this
-- one row, whether a kept page is still the answer the database would give now (Search/SearchResultCache.cs).
-- SQLite has one writer at a time; the search rows are an FTS5 table, which takes no trigger, so
-- SqliteSearchIndex increments the number itself when it writes them.
CREATE TABLE search_generation (value INTEGER NOT NULL);
INSERT INTO search_generation (value) VALUES (0);

CREATE TRIGGER resource_persons_insert_search_generation AFTER INSERT ON resource_persons
  BEGIN UPDATE search_generation SET value = value + 1; END;
CREATE TRIGGER resource_persons_update_search_generation AFTER UPDATE ON resource_persons
  BEGIN UPDATE search_generation SET value = value + 1; END;
CREATE TRIGGER resource_persons_delete_search_generation AFTER DELETE ON resource_persons
  BEGIN UPDATE search_generation SET value = value + 1; END;
CREATE TRIGGER capacity_months_insert_search_generation AFTER INSERT ON capacity_months
  BEGIN UPDATE search_generation SET value = value + 1; END;
CREATE TRIGGER capacity_months_update_search_generation AFTER UPDATE ON capacity_months
  BEGIN UPDATE search_generation SET value = value + 1; END;
CREATE TRIGGER capacity_months_delete_search_generation AFTER DELETE ON capacity_months
  BEGIN UPDATE search_generation SET value = value + 1; END;
