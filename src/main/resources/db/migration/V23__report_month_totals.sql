-- Reports that do not rescan (issue #23): the sum and count of each household's entries per
-- kind, calendar month, category (its id and the text the entries carry, which the category
-- report falls back to) and currency, kept in the same transaction as every write by the
-- statement triggers below. The monthly report reads it alone; the category and range
-- reports read the whole months of a range from it and only the days at its edges from the
-- entries. Nothing else writes it: `./hbw verify-summary` recomputes it from the entries and
-- with --repair rewrites it. It has no foreign key: a household deleted with its entries
-- takes its rows away through the same triggers. Backups leave it out and a restore rebuilds
-- it as the entries are loaded.
CREATE TABLE entry_month_totals (
    household_id integer      NOT NULL,
    kind         varchar(7)   NOT NULL CHECK (kind IN ('expense', 'income')),
    -- the first day of the month
    month        date         NOT NULL,
    category_id  integer,
    category     varchar(100) NOT NULL,
    -- the entries' currency_code, XXX for a currency text that names none (as every total)
    currency     char(3)      NOT NULL,
    amount       numeric      NOT NULL,
    entries      bigint       NOT NULL,
    CONSTRAINT entry_month_totals_key UNIQUE NULLS NOT DISTINCT (household_id, kind, month, category_id, category,
        currency)
);
-- a change that empties a group leaves a row with no entries for a moment: found here to be
-- deleted in the same statement
CREATE INDEX idx_entry_month_totals_empty ON entry_month_totals (household_id) WHERE entries = 0;

INSERT INTO entry_month_totals (household_id, kind, month, category_id, category, currency, amount, entries)
SELECT household_id, 'expense', date - (EXTRACT(DAY FROM date)::integer - 1), category_id, category,
       COALESCE(currency_code, 'XXX'), sum(amount), count(*)
FROM expenses GROUP BY 1, 3, 4, 5, 6;
INSERT INTO entry_month_totals (household_id, kind, month, category_id, category, currency, amount, entries)
SELECT household_id, 'income', date - (EXTRACT(DAY FROM date)::integer - 1), category_id, category,
       COALESCE(currency_code, 'XXX'), sum(amount), count(*)
FROM incomes GROUP BY 1, 3, 4, 5, 6;

-- Adds what one statement changed, per group: a statement trigger sees every row it wrote
-- at once (transition tables), so an import or a bulk delete touches each group once, and an
-- update that keeps every group (a note, an account) none. Groups are added in key order, so
-- two statements never lock the same two rows in opposite orders; two transactions adding
-- to the same group wait for each other on its row and neither loses its part. TG_ARGV[0]
-- is the kind.
CREATE FUNCTION entry_month_totals_add() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO entry_month_totals AS t (household_id, kind, month, category_id, category, currency, amount,
                                             entries)
        SELECT household_id, TG_ARGV[0], date - (EXTRACT(DAY FROM date)::integer - 1), category_id, category,
               COALESCE(currency_code, 'XXX'), sum(amount), count(*)
        FROM new_rows GROUP BY 1, 3, 4, 5, 6 ORDER BY 1, 3, 4, 5, 6
        ON CONFLICT ON CONSTRAINT entry_month_totals_key
            DO UPDATE SET amount = t.amount + EXCLUDED.amount, entries = t.entries + EXCLUDED.entries;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO entry_month_totals AS t (household_id, kind, month, category_id, category, currency, amount,
                                             entries)
        SELECT household_id, TG_ARGV[0], month, category_id, category, currency, sum(amount), sum(entries)
        FROM (SELECT household_id, date - (EXTRACT(DAY FROM date)::integer - 1) AS month, category_id, category,
                     COALESCE(currency_code, 'XXX') AS currency, amount, 1 AS entries FROM new_rows
              UNION ALL
              SELECT household_id, date - (EXTRACT(DAY FROM date)::integer - 1), category_id, category,
                     COALESCE(currency_code, 'XXX'), -amount, -1 FROM old_rows) AS changes
        GROUP BY 1, 3, 4, 5, 6 HAVING sum(entries) <> 0 OR sum(amount) <> 0 ORDER BY 1, 3, 4, 5, 6
        ON CONFLICT ON CONSTRAINT entry_month_totals_key
            DO UPDATE SET amount = t.amount + EXCLUDED.amount, entries = t.entries + EXCLUDED.entries;
    ELSE
        INSERT INTO entry_month_totals AS t (household_id, kind, month, category_id, category, currency, amount,
                                             entries)
        SELECT household_id, TG_ARGV[0], date - (EXTRACT(DAY FROM date)::integer - 1), category_id, category,
               COALESCE(currency_code, 'XXX'), -sum(amount), -count(*)
        FROM old_rows GROUP BY 1, 3, 4, 5, 6 ORDER BY 1, 3, 4, 5, 6
        ON CONFLICT ON CONSTRAINT entry_month_totals_key
            DO UPDATE SET amount = t.amount + EXCLUDED.amount, entries = t.entries + EXCLUDED.entries;
    END IF;
    -- only groups a row left can have become empty
    DELETE FROM entry_month_totals
    WHERE entries = 0 AND household_id IN (SELECT DISTINCT household_id FROM old_rows);
    RETURN NULL;
END $$;

CREATE FUNCTION entry_month_totals_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM entry_month_totals WHERE kind = TG_ARGV[0];
    RETURN NULL;
END $$;

-- PostgreSQL allows transition tables on a trigger of one event only: three per table.
CREATE TRIGGER expenses_month_totals_insert AFTER INSERT ON expenses REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_add('expense');
CREATE TRIGGER expenses_month_totals_update AFTER UPDATE ON expenses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_add('expense');
CREATE TRIGGER expenses_month_totals_delete AFTER DELETE ON expenses REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_add('expense');
CREATE TRIGGER expenses_month_totals_truncate AFTER TRUNCATE ON expenses
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_truncate('expense');
CREATE TRIGGER incomes_month_totals_insert AFTER INSERT ON incomes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_add('income');
CREATE TRIGGER incomes_month_totals_update AFTER UPDATE ON incomes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_add('income');
CREATE TRIGGER incomes_month_totals_delete AFTER DELETE ON incomes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_add('income');
CREATE TRIGGER incomes_month_totals_truncate AFTER TRUNCATE ON incomes
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_totals_truncate('income');
