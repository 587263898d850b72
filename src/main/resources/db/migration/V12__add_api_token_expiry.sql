-- An API token may expire: expires_at is when it stops working (NULL: never, as every token
-- made before). Nullable, so the release before, which does not name it, keeps creating
-- tokens that never expire and keeps accepting every token it knows.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
