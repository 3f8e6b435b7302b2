-- A lottery request's place in its session's draw (0 = drawn first). Those who lost wait in this order, not in the
-- order they asked, and are offered only the times they said they could make (requested_slots).
ALTER TABLE bookings ADD COLUMN draw_position INTEGER NULL;
