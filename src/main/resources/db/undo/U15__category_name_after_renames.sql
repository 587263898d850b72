-- Undoes V15__category_name_after_renames.sql: the release before writes through
-- category_name() alone.
DROP FUNCTION IF EXISTS category_name_locked(integer, text, text);
