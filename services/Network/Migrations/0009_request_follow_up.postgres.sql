-- Follow-up of unanswered requests: reminded_at is the last reminder (to the person while proposed, to
-- the manager while accepted); it counts for the current status only when later than updated_at.
-- escalated_at is when an unanswered request went to the coordinators' queue, and escalated_from whom it left.
ALTER TABLE help_requests
  ADD COLUMN reminded_at timestamptz,
  ADD COLUMN escalated_at timestamptz,
  ADD COLUMN escalated_from text NOT NULL DEFAULT '';
CREATE INDEX help_requests_follow_up ON help_requests (status, updated_at);
