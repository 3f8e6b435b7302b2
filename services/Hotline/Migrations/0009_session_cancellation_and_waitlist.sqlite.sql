-- A session cancelled by the municipality keeps its reason; its citizens get a priority window to rebook.
ALTER TABLE sessions ADD COLUMN cancel_reason TEXT NULL;
ALTER TABLE bookings ADD COLUMN rebook_until INTEGER NULL;
-- Waitlist entries are bookings with status Waitlisted (slot_id: the session's first slot until an offer names
-- one) or Offered (the offered seat is taken in slots.booked until the offer is accepted or expires).
ALTER TABLE bookings ADD COLUMN offer_expires_at INTEGER NULL;
CREATE INDEX ix_bookings_session_status ON bookings (session_id, status, created_at);
