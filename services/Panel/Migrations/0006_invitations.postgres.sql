CREATE TABLE panel_invitations (
  id text NOT NULL PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  draw_id text NOT NULL REFERENCES panel_draws (id),
  member_id text NOT NULL,
  token_hash text NOT NULL,
  status text NOT NULL,
  sent_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  answered_at timestamptz NULL,
  confidentiality_accepted_at timestamptz NULL,
  confidentiality_version text NULL,
  replaces_invitation_id text NULL REFERENCES panel_invitations (id),
  seat_unfilled boolean NOT NULL DEFAULT false,
  UNIQUE (draw_id, member_id)
);
CREATE INDEX ix_panel_invitations_case ON panel_invitations (case_id, sent_at);
CREATE INDEX ix_panel_invitations_open ON panel_invitations (status, deadline);
