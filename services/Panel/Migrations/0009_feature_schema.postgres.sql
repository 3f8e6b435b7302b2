-- The feature schema becomes the municipality's to define (FeatureSchemaService): categories get their own rows
-- with labels, order, the lived-experience mark and retirement; values get an English label, an order and
-- retirement. Keys never change, so members, quotas and recorded draws keep naming them.
CREATE TABLE feature_categories (
  category text NOT NULL PRIMARY KEY,
  label text NOT NULL,
  label_en text NOT NULL,
  position integer NOT NULL,
  lived_experience boolean NOT NULL DEFAULT false,
  retired_at timestamptz NULL
);
INSERT INTO feature_categories (category, label, label_en, position, lived_experience)
-- The demo categories get their labels; any other category is labelled by its key until an administrator renames it.
SELECT c.category,
       CASE c.category WHEN 'age_band' THEN 'Aldersgruppe' WHEN 'district' THEN 'Bydel' WHEN 'household_type' THEN 'Husstand'
         WHEN 'lived_experience' THEN 'Særlig erfaring' ELSE c.category END,
       CASE c.category WHEN 'age_band' THEN 'Age band' WHEN 'district' THEN 'District' WHEN 'household_type' THEN 'Household'
         WHEN 'lived_experience' THEN 'Lived experience' ELSE c.category END,
       (SELECT COUNT(DISTINCT o.category) FROM feature_schema_values o WHERE o.category < c.category),
       c.category = 'lived_experience'
FROM (SELECT DISTINCT category FROM feature_schema_values) c;
ALTER TABLE feature_schema_values ADD COLUMN label_en text NOT NULL DEFAULT '';
ALTER TABLE feature_schema_values ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE feature_schema_values ADD COLUMN retired_at timestamptz NULL;
UPDATE feature_schema_values SET label_en = label,
  position = (SELECT COUNT(*) FROM feature_schema_values o WHERE o.category = feature_schema_values.category AND o.value < feature_schema_values.value);
ALTER TABLE feature_schema_values ADD CONSTRAINT fk_feature_schema_values_category FOREIGN KEY (category) REFERENCES feature_categories (category);
-- One row: the schema's version, the etag of every change (a conditional update claims the next one).
CREATE TABLE feature_schema_version (
  id integer NOT NULL PRIMARY KEY,
  version bigint NOT NULL
);
INSERT INTO feature_schema_version (id, version) VALUES (1, 1);
-- The retention job's inactivity rule: when a member who had not acted for Panel:Pool:InactivityMonths was asked
-- whether they still want to be in the pool (cleared when they act).
ALTER TABLE pool_members ADD COLUMN inactivity_reminded_at timestamptz NULL;
