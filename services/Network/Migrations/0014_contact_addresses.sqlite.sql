-- Where messages about a profile go: the person's and the manager's work e-mail. Empty until the owner gives them.
ALTER TABLE resource_persons ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE resource_persons ADD COLUMN manager_email TEXT NOT NULL DEFAULT '';
