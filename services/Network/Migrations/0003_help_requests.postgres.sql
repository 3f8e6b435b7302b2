CREATE TABLE help_requests (
  id text NOT NULL PRIMARY KEY,
  need text NOT NULL,
  competence_ids text[] NOT NULL DEFAULT '{}',
  start_date date NOT NULL,
  end_date date NOT NULL,
  hours integer NOT NULL CHECK (hours > 0),
  language text NOT NULL,
  person_id text REFERENCES resource_persons (id),
  person_name text NOT NULL DEFAULT '',
  status text NOT NULL,
  last_response text,
  requester_id text NOT NULL,
  requester_name text NOT NULL DEFAULT '',
  requester_department text NOT NULL DEFAULT '',
  rating integer NOT NULL DEFAULT 0,
  feedback text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX help_requests_person ON help_requests (person_id, status);
CREATE INDEX help_requests_requester ON help_requests (requester_id, created_at);
CREATE INDEX help_requests_status ON help_requests (status, created_at);
