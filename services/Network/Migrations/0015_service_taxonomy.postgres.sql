-- The municipal service areas (KL Emnesystematik main groups, Taxonomy/ServiceTaxonomy.cs) a person knows their way
-- around, by code; services_known keeps the services that fit no area, in the person's own words.
ALTER TABLE resource_persons ADD COLUMN service_codes text[] NOT NULL DEFAULT '{}';
