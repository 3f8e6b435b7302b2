-- audiences is a comma-separated list of names (Internal,Citizens,Partners).
CREATE TABLE toolbox_articles (
  id text NOT NULL PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  body_markdown text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  audiences text NOT NULL,
  created_at timestamptz NOT NULL
);
