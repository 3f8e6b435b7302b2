-- Citizens' bookings. Only a hash of the manage token is kept.
CREATE TABLE bookings (
  id TEXT NOT NULL PRIMARY KEY,
  reference TEXT NOT NULL,
  manage_token_hash TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  department_id TEXT NOT NULL REFERENCES departments (id),
  session_id TEXT NOT NULL REFERENCES sessions (id),
  slot_id TEXT NOT NULL REFERENCES slots (id),
  slot_starts_at INTEGER NOT NULL,
  session_month TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NULL,
  topic_kind TEXT NOT NULL,
  description TEXT NOT NULL,
  language TEXT NOT NULL,
  needs TEXT NULL,
  consented_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER NULL
);
CREATE UNIQUE INDEX ux_bookings_reference ON bookings (reference);
-- A retried request finds its booking; two bookings can never share a key.
CREATE UNIQUE INDEX ux_bookings_idempotency_key ON bookings (idempotency_key);
CREATE INDEX ix_bookings_phone_month ON bookings (phone, session_month);
CREATE INDEX ix_bookings_slot ON bookings (slot_id);
