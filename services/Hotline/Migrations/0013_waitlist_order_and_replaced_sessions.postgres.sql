-- A lottery request's place in its session's draw (0 = drawn first). Those who lost wait in this order, not in the
-- order they asked, and are offered only the times they said they could make (requested_slots).
ALTER TABLE bookings ADD COLUMN draw_position integer NULL;

-- A session a rule change replaced while only bookings their citizens had cancelled pointed at it: it stays for their
-- history but is out of every list and count, as if removed (the municipality did not call it off).
ALTER TABLE sessions ADD COLUMN replaced_at timestamptz NULL;
