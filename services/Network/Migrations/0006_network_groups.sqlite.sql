-- Network groups around a challenge area; members are resource persons; notices are plain text.
CREATE TABLE network_groups (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  challenge_area TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX network_groups_area ON network_groups (challenge_area);

CREATE TABLE network_group_members (
  group_id TEXT NOT NULL REFERENCES network_groups (id),
  resource_person_id TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, resource_person_id)
);

CREATE TABLE network_group_notices (
  id TEXT NOT NULL PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES network_groups (id),
  author_user_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text TEXT NOT NULL,
  posted_at INTEGER NOT NULL
);
CREATE INDEX network_group_notices_group ON network_group_notices (group_id, posted_at);
