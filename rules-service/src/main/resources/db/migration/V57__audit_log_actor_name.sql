-- Issue 22: the actor of an entry is the token's subject (sub), stable and unique at the identity provider but
-- unreadable; the display name the token carried (preferred_username, else name) is kept beside it for people
-- reading the log. Entries written before this hold the token's upn as actor and no name.
ALTER TABLE audit_log ADD COLUMN actor_name text;
