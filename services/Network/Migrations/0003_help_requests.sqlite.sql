-- competence_ids is a JSON array of strings; dates are ISO text (yyyy-MM-dd).
CREATE TABLE help_requests (
  id TEXT NOT NULL PRIMARY KEY,
  need TEXT NOT NULL,
  competence_ids TEXT NOT NULL DEFAULT '[]',
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours > 0),
  language TEXT NOT NULL,
  person_id TEXT REFERENCES resource_persons (id),
  person_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  last_response TEXT,
  requester_id TEXT NOT NULL,
  requester_name TEXT NOT NULL DEFAULT '',
  requester_department TEXT NOT NULL DEFAULT '',
  rating INTEGER NOT NULL DEFAULT 0,
  feedback TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX help_requests_person ON help_requests (person_id, status);
CREATE INDEX help_requests_requester ON help_requests (requester_id, created_at);
CREATE INDEX help_requests_status ON help_requests (status, created_at);
