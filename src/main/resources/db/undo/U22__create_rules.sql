-- Undoes V22__create_rules.sql. Rules are data: downgrade refuses without --force while any
-- exist. Entries a rule changed stay as they are; staged import rows lose the record of the
-- rules that filled them in and of who paid (a commit after the downgrade uses the caller).
ALTER TABLE import_rows DROP COLUMN IF EXISTS rule_ids, DROP COLUMN IF EXISTS paid_by,
    DROP COLUMN IF EXISTS for_whom;
DROP TABLE IF EXISTS rules;
