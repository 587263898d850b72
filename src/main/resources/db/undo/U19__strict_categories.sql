-- Undoes V19__strict_categories.sql: the API writes any category name again, creating the
-- categories it names (the setting is dropped).
CREATE OR REPLACE FUNCTION category_name_locked(p_household integer, p_kind text, p_name text) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    v_key text := name_key(p_name);
BEGIN
    PERFORM 1 FROM categories c
    WHERE c.household_id = p_household AND c.kind = p_kind
      AND (c.name_key = v_key
           OR c.id = (SELECT a.category_id FROM category_aliases a
                      WHERE a.household_id = p_household AND a.kind = p_kind AND a.name_key = v_key))
    FOR KEY SHARE OF c;
    RETURN category_name(p_household, p_kind, p_name);
END $$;

ALTER TABLE households DROP COLUMN IF EXISTS strict_categories;
