-- Network groups around a challenge area; members are resource persons; notices are plain text.
CREATE TABLE network_groups (
  id text NOT NULL PRIMARY KEY,
  name text NOT NULL,
  challenge_area text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL
);
CREATE INDEX network_groups_area ON network_groups (challenge_area);

CREATE TABLE network_group_members (
  group_id text NOT NULL REFERENCES network_groups (id),
  resource_person_id text NOT NULL,
  joined_at timestamptz NOT NULL,
  PRIMARY KEY (group_id, resource_person_id)
);

CREATE TABLE network_group_notices (
  id text NOT NULL PRIMARY KEY,
  group_id text NOT NULL REFERENCES network_groups (id),
  author_user_id text NOT NULL,
  author_name text NOT NULL,
  text text NOT NULL,
  posted_at timestamptz NOT NULL
);
CREATE INDEX network_group_notices_group ON network_group_notices (group_id, posted_at);
