-- Strict categories: a household may choose that an entry written through the API must name
-- a category it already has (directly or through a merged category's name). The check sits
-- in the function the API writes category names through (see V15), inside the write's own
-- statement: a refused entry is not written, and the error (SQLState HBV01, the field in
-- COLUMN, the name in DETAIL) becomes the API's 422. Imports of the JSON files and the
-- mirrors of phase P1 keep their text as before.
ALTER TABLE households ADD COLUMN strict_categories boolean NOT NULL DEFAULT false;

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
    IF NOT FOUND AND v_key <> '' AND (SELECT h.strict_categories FROM households h WHERE h.id = p_household) THEN
        RAISE EXCEPTION 'Value error, this household has no % category named ''%''; create it first, or turn off strict categories in the settings',
            p_kind, name_spelling(p_name)
            USING ERRCODE = 'HBV01', COLUMN = 'category', DETAIL = p_name;
    END IF;
    RETURN category_name(p_household, p_kind, p_name);
END $$;
