-- Profiles go stale: confirmed_at is when the owner last said the profile is accurate (existing profiles
-- count as confirmed when last edited); confirmation_requested_at is when the daily job last asked.
ALTER TABLE resource_persons ADD COLUMN confirmed_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE resource_persons ADD COLUMN confirmation_requested_at INTEGER;
UPDATE resource_persons SET confirmed_at = updated_at;
CREATE INDEX resource_persons_confirmed ON resource_persons (confirmed_at);

-- Reports that a profile is inaccurate; reporter_id is empty when the reporter was not signed in.
CREATE TABLE profile_reports (
  id TEXT NOT NULL PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES resource_persons (id) ON DELETE CASCADE,
  person_name TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  reporter_id TEXT NOT NULL DEFAULT '',
  reporter_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  resolution TEXT NOT NULL DEFAULT '',
  resolved_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  resolved_at INTEGER
);
CREATE INDEX profile_reports_owner ON profile_reports (owner_id, status, created_at);
CREATE INDEX profile_reports_status ON profile_reports (status, created_at);
