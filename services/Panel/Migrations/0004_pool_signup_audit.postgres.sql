ALTER TABLE pool_members ADD COLUMN phone text NULL;
ALTER TABLE pool_members ADD COLUMN availability text NOT NULL DEFAULT '';
ALTER TABLE pool_members ADD COLUMN languages text NOT NULL DEFAULT '[]';
ALTER TABLE pool_members ADD COLUMN confirmed_at timestamptz NULL;
ALTER TABLE pool_members ADD COLUMN consent_text_version text NOT NULL DEFAULT '';
ALTER TABLE pool_members ADD COLUMN consent_scope text NOT NULL DEFAULT '';
ALTER TABLE pool_members ADD COLUMN consent_given_at timestamptz NULL;
ALTER TABLE pool_members ADD COLUMN consent_given_to text NULL;
ALTER TABLE pool_members ADD COLUMN consent_expires_at timestamptz NULL;
ALTER TABLE pool_members ADD COLUMN renewal_requested_at timestamptz NULL;
ALTER TABLE pool_members ADD COLUMN withdrawn_at timestamptz NULL;
ALTER TABLE pool_members ADD COLUMN departure_reason text NULL;
CREATE INDEX ix_pool_members_status_consent ON pool_members (status, consent_expires_at);
CREATE TABLE member_links (
  token_hash text NOT NULL PRIMARY KEY,
  member_id text NOT NULL REFERENCES pool_members (id),
  purpose text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ix_member_links_member ON member_links (member_id);
CREATE TABLE audit_entries (
  id text NOT NULL PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  reason text NOT NULL
);
CREATE INDEX ix_audit_entries_occurred ON audit_entries (occurred_at DESC, id DESC);
CREATE INDEX ix_audit_entries_subject ON audit_entries (subject_id, occurred_at DESC);
