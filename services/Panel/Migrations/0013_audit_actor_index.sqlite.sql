-- The audit log's filter finds entries about or by an id: by needs the actor indexed as about has the subject (0004).
CREATE INDEX ix_audit_entries_actor ON audit_entries (actor, occurred_at DESC);
