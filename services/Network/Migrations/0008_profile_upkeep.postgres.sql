-- Profiles go stale: confirmed_at is when the owner last said the profile is accurate (existing profiles
-- count as confirmed when last edited); confirmation_requested_at is when the daily job last asked.
ALTER TABLE resource_persons
  ADD COLUMN confirmed_at timestamptz,
  ADD COLUMN confirmation_requested_at timestamptz;
UPDATE resource_persons SET confirmed_at = updated_at;
ALTER TABLE resource_persons ALTER COLUMN confirmed_at SET NOT NULL;
CREATE INDEX resource_persons_confirmed ON resource_persons (confirmed_at);

-- Reports that a profile is inaccurate; reporter_id is empty when the reporter was not signed in.
CREATE TABLE profile_reports (
  id text NOT NULL PRIMARY KEY,
  person_id text NOT NULL REFERENCES resource_persons (id) ON DELETE CASCADE,
  person_name text NOT NULL,
  owner_id text NOT NULL,
  reason text NOT NULL,
  reporter_id text NOT NULL DEFAULT '',
  reporter_name text NOT NULL DEFAULT '',
  status text NOT NULL,
  resolution text NOT NULL DEFAULT '',
  resolved_by text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX profile_reports_owner ON profile_reports (owner_id, status, created_at);
CREATE INDEX profile_reports_status ON profile_reports (status, created_at);
