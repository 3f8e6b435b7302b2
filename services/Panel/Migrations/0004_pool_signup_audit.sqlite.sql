ALTER TABLE pool_members ADD COLUMN phone TEXT NULL;
ALTER TABLE pool_members ADD COLUMN availability TEXT NOT NULL DEFAULT '';
ALTER TABLE pool_members ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
ALTER TABLE pool_members ADD COLUMN confirmed_at INTEGER NULL;
ALTER TABLE pool_members ADD COLUMN consent_text_version TEXT NOT NULL DEFAULT '';
ALTER TABLE pool_members ADD COLUMN consent_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE pool_members ADD COLUMN consent_given_at INTEGER NULL;
ALTER TABLE pool_members ADD COLUMN consent_given_to TEXT NULL;
ALTER TABLE pool_members ADD COLUMN consent_expires_at INTEGER NULL;
ALTER TABLE pool_members ADD COLUMN renewal_requested_at INTEGER NULL;
ALTER TABLE pool_members ADD COLUMN withdrawn_at INTEGER NULL;
ALTER TABLE pool_members ADD COLUMN departure_reason TEXT NULL;
CREATE INDEX ix_pool_members_status_consent ON pool_members (status, consent_expires_at);
CREATE TABLE member_links (
  token_hash TEXT NOT NULL PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES pool_members (id),
  purpose TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ix_member_links_member ON member_links (member_id);
CREATE TABLE audit_entries (
  id TEXT NOT NULL PRIMARY KEY,
  occurred_at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX ix_audit_entries_occurred ON audit_entries (occurred_at DESC, id DESC);
CREATE INDEX ix_audit_entries_subject ON audit_entries (subject_id, occurred_at DESC);
