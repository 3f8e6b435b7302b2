-- When the member was reminded of an unanswered invitation (48 hours before its deadline); set once, by
-- the conditional update that claims the reminder, so a second run or a second job instance sends nothing.
ALTER TABLE panel_invitations ADD COLUMN reminded_at INTEGER NULL;
