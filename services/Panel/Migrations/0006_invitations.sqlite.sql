CREATE TABLE panel_invitations (
  id TEXT NOT NULL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  draw_id TEXT NOT NULL REFERENCES panel_draws (id),
  member_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  deadline INTEGER NOT NULL,
  answered_at INTEGER NULL,
  confidentiality_accepted_at INTEGER NULL,
  confidentiality_version TEXT NULL,
  replaces_invitation_id TEXT NULL REFERENCES panel_invitations (id),
  seat_unfilled INTEGER NOT NULL DEFAULT 0,
  UNIQUE (draw_id, member_id)
);
CREATE INDEX ix_panel_invitations_case ON panel_invitations (case_id, sent_at);
CREATE INDEX ix_panel_invitations_open ON panel_invitations (status, deadline);
