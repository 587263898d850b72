-- The name an entry written through the API gets, read only after any rename or merge of its
-- category that is under way has committed. category_name() reads with the statement's
-- snapshot: an entry written while a rename ran kept the old name (and one written while a
-- merge ran, the merged category's), though the trigger then linked it to the renamed or
-- merged-into category. Here the category the text leads to is locked first (waiting for a
-- rename or merge, which hold it FOR UPDATE, and holding off the next one until the entry is
-- written); the name is then read by a new statement, which sees what they committed.
CREATE FUNCTION category_name_locked(p_household integer, p_kind text, p_name text) RETURNS text
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
