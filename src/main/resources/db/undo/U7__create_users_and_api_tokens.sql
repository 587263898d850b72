-- Undoes V7__create_users_and_api_tokens.sql. Accounts and API tokens are lost: after a
-- downgrade the app can only run in single-user mode until V7 is applied again and the
-- accounts are added anew (./hbw user add).
DROP TABLE IF EXISTS api_tokens;
DROP TABLE IF EXISTS users;
