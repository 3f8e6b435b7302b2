-- tags is a JSON array of strings; audiences a comma-separated list of names (Internal,Citizens,Partners).
CREATE TABLE toolbox_articles (
  id TEXT NOT NULL PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body_markdown TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  audiences TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
