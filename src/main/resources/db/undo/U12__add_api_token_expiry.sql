-- Undoes V12__add_api_token_expiry.sql. The tokens stay; those that had an expiry no longer
-- expire (downgrade refuses without --force while any token has one).
ALTER TABLE api_tokens DROP COLUMN expires_at;
