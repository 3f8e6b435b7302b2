-- Citizens' bookings. Only a hash of the manage token is kept.
CREATE TABLE bookings (
  id text NOT NULL PRIMARY KEY,
  reference text NOT NULL,
  manage_token_hash text NOT NULL,
  idempotency_key text NOT NULL,
  department_id text NOT NULL REFERENCES departments (id),
  session_id text NOT NULL REFERENCES sessions (id),
  slot_id text NOT NULL REFERENCES slots (id),
  slot_starts_at timestamptz NOT NULL,
  session_month text NOT NULL,
  name text NOT NULL,
  phone text NOT NULL,
  email text NULL,
  topic_kind text NOT NULL,
  description text NOT NULL,
  language text NOT NULL,
  needs text NULL,
  consented_at timestamptz NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz NULL
);
CREATE UNIQUE INDEX ux_bookings_reference ON bookings (reference);
-- A retried request finds its booking; two bookings can never share a key.
CREATE UNIQUE INDEX ux_bookings_idempotency_key ON bookings (idempotency_key);
CREATE INDEX ix_bookings_phone_month ON bookings (phone, session_month);
CREATE INDEX ix_bookings_slot ON bookings (slot_id);
