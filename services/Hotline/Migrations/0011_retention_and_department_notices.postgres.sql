-- Retention: when a booking's contact data was erased (Hotline:Retention:ContactDataAfter after its call or cancellation).
ALTER TABLE bookings ADD COLUMN contact_data_erased_at timestamptz NULL;
-- An idea still at "received" 30 days after it came in is flagged to its department, once.
ALTER TABLE ideas ADD COLUMN flagged_at timestamptz NULL;
-- A department's own address, for the notices to the department (the idea flag, the morning call list).
ALTER TABLE departments ADD COLUMN contact_email text NULL;
-- The morning call list goes to the department once per session.
ALTER TABLE sessions ADD COLUMN call_list_sent_at timestamptz NULL;
