-- Converted totals that do not call fx_rate per request (issue #17): beside
-- entry_month_totals (V23), the same groups converted into the household's base currency,
-- per household, kind, calendar month, category (id and text) and counted currency (the
-- base for an entry charged in it, else its own code, XXX for none): the exact sum of each
-- entry's counted amount times the rate on or before its date (not rounded: the reports
-- add the parts and round once, as they did), and how many entries were converted and how
-- many had no rate. Kept equal to "the entries converted with today's rates into today's
-- base" in every transaction: the entries' statement triggers add what a statement
-- changed (one fx_rate call per currency and day it touched); a statement on
-- exchange_rates recomputes, for each household it touched, the currencies whose
-- conversion can use the rates it wrote from the month of the earliest of them (so a
-- CSV import of ten years is one recomputation); a change of a household's base currency
-- recomputes the household. `./hbw verify-summary` compares it with a recomputation and
-- with --repair rewrites it. Derived, so backups leave it out and a restore rebuilds it.
CREATE TABLE entry_month_converted (
    household_id        integer      NOT NULL,
    kind                varchar(7)   NOT NULL CHECK (kind IN ('expense', 'income')),
    -- the first day of the month
    month               date         NOT NULL,
    category_id         integer,
    category            varchar(100) NOT NULL,
    -- the counted currency: the base when the entry records what it was charged in it
    currency            char(3)      NOT NULL,
    -- the converted entries' amounts times their rates, exactly (the reports round the sum)
    converted           numeric      NOT NULL,
    converted_entries   bigint       NOT NULL,
    -- entries without a rate on or before their date: not converted, never at 1
    unconverted_entries bigint       NOT NULL,
    CONSTRAINT entry_month_converted_key UNIQUE NULLS NOT DISTINCT (household_id, kind, month, category_id,
        category, currency)
);
CREATE INDEX idx_entry_month_converted_empty ON entry_month_converted (household_id)
    WHERE converted_entries = 0 AND unconverted_entries = 0;

-- The groups of one household computed from its entries, as the reports computed them
-- before this table (their slow statement stays in the tests as the model): entries
-- summed per currency and day, each day's sum times fx_rate once, the products added.
-- p_currency (a counted currency) and p_from (a first day of a month) narrow it; null
-- means all.
CREATE FUNCTION entry_month_converted_rows(p_household integer, p_currency char(3), p_from date)
    RETURNS TABLE (kind varchar(7), month date, category_id integer, category varchar(100), currency char(3),
                   converted numeric, converted_entries bigint, unconverted_entries bigint)
    LANGUAGE sql STABLE AS $$
WITH base AS (SELECT base_currency AS code FROM households WHERE id = p_household),
counted AS (
    SELECT e.kind, e.date - (EXTRACT(DAY FROM e.date)::integer - 1) AS month, e.category_id, e.category,
           CASE WHEN e.charged_currency = b.code THEN b.code ELSE COALESCE(e.currency_code, 'XXX') END AS currency,
           CASE WHEN e.charged_currency = b.code OR COALESCE(e.currency_code, 'XXX') = b.code THEN NULL
                ELSE e.date END AS day,
           CASE WHEN e.charged_currency = b.code THEN e.charged_amount ELSE e.amount END AS amount
    FROM (SELECT 'expense'::varchar(7) AS kind, date, category_id, category, currency_code, charged_currency,
                 charged_amount, amount
          FROM expenses WHERE household_id = p_household AND (p_from IS NULL OR date >= p_from)
          UNION ALL
          SELECT 'income', date, category_id, category, currency_code, charged_currency, charged_amount, amount
          FROM incomes WHERE household_id = p_household AND (p_from IS NULL OR date >= p_from)) e
    CROSS JOIN base b),
days AS MATERIALIZED (
    SELECT kind, month, category_id, category, currency, day, sum(amount) AS amount, count(*) AS n
    FROM counted WHERE p_currency IS NULL OR currency = p_currency GROUP BY 1, 2, 3, 4, 5, 6),
rates AS MATERIALIZED (
    SELECT k.currency, k.day, fx_rate(p_household, k.currency, b.code, k.day) AS rate
    FROM (SELECT DISTINCT currency, day FROM days WHERE day IS NOT NULL) k CROSS JOIN base b)
SELECT d.kind, d.month, d.category_id, d.category, d.currency,
       COALESCE(sum(d.amount * d.rate) FILTER (WHERE d.rate IS NOT NULL), 0),
       COALESCE(sum(d.n) FILTER (WHERE d.rate IS NOT NULL), 0)::bigint,
       COALESCE(sum(d.n) FILTER (WHERE d.rate IS NULL), 0)::bigint
FROM (SELECT d.*, CASE WHEN d.day IS NULL THEN 1 ELSE x.rate END AS rate
      FROM days d LEFT JOIN rates x ON x.currency = d.currency AND x.day = d.day) d
GROUP BY 1, 2, 3, 4, 5
$$;

-- Replaces a household's kept groups (of one counted currency, from one month on, when
-- given) with a recomputation. The caller holds the household's row lock (see below).
CREATE FUNCTION entry_month_converted_recompute(p_household integer, p_currency char(3), p_from date)
    RETURNS void LANGUAGE sql AS $$
DELETE FROM entry_month_converted
WHERE household_id = p_household AND (p_currency IS NULL OR currency = p_currency)
  AND (p_from IS NULL OR month >= p_from);
INSERT INTO entry_month_converted (household_id, kind, month, category_id, category, currency, converted,
                                   converted_entries, unconverted_entries)
SELECT p_household, c.kind, c.month, c.category_id, c.category, c.currency, c.converted, c.converted_entries,
       c.unconverted_entries
FROM entry_month_converted_rows(p_household, p_currency, p_from) c
ORDER BY 2, 3, 4, 5, 6;
$$;

SELECT entry_month_converted_recompute(id, NULL, NULL) FROM households ORDER BY id;

-- Adds what one entries' statement changed, per group (as V23's triggers do). Each
-- (household, currency, day) it touched is converted once, with the household's base and
-- rates of now. Concurrency: the statement first holds its households' rows FOR KEY SHARE
-- (an insert already did, through its foreign key), which a change of rates or of the base
-- (FOR UPDATE, below) waits for and makes wait: the rates and base read here are the ones
-- the kept groups were last computed with. TG_ARGV[0] is the kind.
CREATE FUNCTION entry_month_converted_add() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM 1 FROM households WHERE id IN (SELECT DISTINCT household_id FROM old_rows) ORDER BY id
            FOR KEY SHARE;
    END IF;
    IF TG_OP = 'DELETE' THEN
        -- a household deleted with its entries: its groups go with it
        DELETE FROM entry_month_converted k
        WHERE k.household_id IN (SELECT DISTINCT household_id FROM old_rows)
          AND NOT EXISTS (SELECT 1 FROM households h WHERE h.id = k.household_id);
    END IF;
    -- one statement per event: a transition table the event has not is an error even where
    -- no row of it is read
    IF TG_OP = 'INSERT' THEN
        WITH changes AS (
            SELECT household_id, date, category_id, category, currency_code, charged_currency,
                   charged_amount, amount, 1 AS sign FROM new_rows),
        days AS MATERIALIZED (
            SELECT household_id, month, category_id, category, currency, day, base, sum(amount) AS amount,
                   sum(sign) AS n
            FROM (SELECT c.household_id, c.date - (EXTRACT(DAY FROM c.date)::integer - 1) AS month, c.category_id,
                         c.category, h.base_currency AS base,
                         CASE WHEN c.charged_currency = h.base_currency THEN h.base_currency
                              ELSE COALESCE(c.currency_code, 'XXX') END AS currency,
                         CASE WHEN c.charged_currency = h.base_currency
                                   OR COALESCE(c.currency_code, 'XXX') = h.base_currency THEN NULL
                              ELSE c.date END AS day,
                         c.sign * CASE WHEN c.charged_currency = h.base_currency THEN c.charged_amount
                                       ELSE c.amount END AS amount,
                         c.sign
                  FROM changes c JOIN households h ON h.id = c.household_id) x
            GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0 OR sum(amount) <> 0),
        rates AS MATERIALIZED (
            SELECT k.household_id, k.currency, k.day, fx_rate(k.household_id, k.currency, k.base, k.day) AS rate
            FROM (SELECT DISTINCT household_id, currency, day, base FROM days WHERE day IS NOT NULL) k)
        INSERT INTO entry_month_converted AS t (household_id, kind, month, category_id, category, currency, converted,
                                                converted_entries, unconverted_entries)
        SELECT d.household_id, TG_ARGV[0], d.month, d.category_id, d.category, d.currency,
               COALESCE(sum(d.amount * d.rate) FILTER (WHERE d.rate IS NOT NULL), 0),
               COALESCE(sum(d.n) FILTER (WHERE d.rate IS NOT NULL), 0),
               COALESCE(sum(d.n) FILTER (WHERE d.rate IS NULL), 0)
        FROM (SELECT d.*, CASE WHEN d.day IS NULL THEN 1 ELSE x.rate END AS rate
              FROM days d LEFT JOIN rates x
                   ON x.household_id = d.household_id AND x.currency = d.currency AND x.day = d.day) d
        GROUP BY d.household_id, d.month, d.category_id, d.category, d.currency
        ORDER BY d.household_id, d.month, d.category_id, d.category, d.currency
        ON CONFLICT ON CONSTRAINT entry_month_converted_key
            DO UPDATE SET converted = t.converted + EXCLUDED.converted,
                          converted_entries = t.converted_entries + EXCLUDED.converted_entries,
                          unconverted_entries = t.unconverted_entries + EXCLUDED.unconverted_entries;
    ELSIF TG_OP = 'UPDATE' THEN
        WITH changes AS (
            SELECT household_id, date, category_id, category, currency_code, charged_currency,
                   charged_amount, amount, 1 AS sign FROM new_rows
            UNION ALL
            SELECT household_id, date, category_id, category, currency_code, charged_currency,
                   charged_amount, amount, -1 FROM old_rows),
        days AS MATERIALIZED (
            SELECT household_id, month, category_id, category, currency, day, base, sum(amount) AS amount,
                   sum(sign) AS n
            FROM (SELECT c.household_id, c.date - (EXTRACT(DAY FROM c.date)::integer - 1) AS month, c.category_id,
                         c.category, h.base_currency AS base,
                         CASE WHEN c.charged_currency = h.base_currency THEN h.base_currency
                              ELSE COALESCE(c.currency_code, 'XXX') END AS currency,
                         CASE WHEN c.charged_currency = h.base_currency
                                   OR COALESCE(c.currency_code, 'XXX') = h.base_currency THEN NULL
                              ELSE c.date END AS day,
                         c.sign * CASE WHEN c.charged_currency = h.base_currency THEN c.charged_amount
                                       ELSE c.amount END AS amount,
                         c.sign
                  FROM changes c JOIN households h ON h.id = c.household_id) x
            GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0 OR sum(amount) <> 0),
        rates AS MATERIALIZED (
            SELECT k.household_id, k.currency, k.day, fx_rate(k.household_id, k.currency, k.base, k.day) AS rate
            FROM (SELECT DISTINCT household_id, currency, day, base FROM days WHERE day IS NOT NULL) k)
        INSERT INTO entry_month_converted AS t (household_id, kind, month, category_id, category, currency, converted,
                                                converted_entries, unconverted_entries)
        SELECT d.household_id, TG_ARGV[0], d.month, d.category_id, d.category, d.currency,
               COALESCE(sum(d.amount * d.rate) FILTER (WHERE d.rate IS NOT NULL), 0),
               COALESCE(sum(d.n) FILTER (WHERE d.rate IS NOT NULL), 0),
               COALESCE(sum(d.n) FILTER (WHERE d.rate IS NULL), 0)
        FROM (SELECT d.*, CASE WHEN d.day IS NULL THEN 1 ELSE x.rate END AS rate
              FROM days d LEFT JOIN rates x
                   ON x.household_id = d.household_id AND x.currency = d.currency AND x.day = d.day) d
        GROUP BY d.household_id, d.month, d.category_id, d.category, d.currency
        ORDER BY d.household_id, d.month, d.category_id, d.category, d.currency
        ON CONFLICT ON CONSTRAINT entry_month_converted_key
            DO UPDATE SET converted = t.converted + EXCLUDED.converted,
                          converted_entries = t.converted_entries + EXCLUDED.converted_entries,
                          unconverted_entries = t.unconverted_entries + EXCLUDED.unconverted_entries;
    ELSE
        WITH changes AS (
            SELECT household_id, date, category_id, category, currency_code, charged_currency,
                   charged_amount, amount, -1 AS sign FROM old_rows),
        days AS MATERIALIZED (
            SELECT household_id, month, category_id, category, currency, day, base, sum(amount) AS amount,
                   sum(sign) AS n
            FROM (SELECT c.household_id, c.date - (EXTRACT(DAY FROM c.date)::integer - 1) AS month, c.category_id,
                         c.category, h.base_currency AS base,
                         CASE WHEN c.charged_currency = h.base_currency THEN h.base_currency
                              ELSE COALESCE(c.currency_code, 'XXX') END AS currency,
                         CASE WHEN c.charged_currency = h.base_currency
                                   OR COALESCE(c.currency_code, 'XXX') = h.base_currency THEN NULL
                              ELSE c.date END AS day,
                         c.sign * CASE WHEN c.charged_currency = h.base_currency THEN c.charged_amount
                                       ELSE c.amount END AS amount,
                         c.sign
                  FROM changes c JOIN households h ON h.id = c.household_id) x
            GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0 OR sum(amount) <> 0),
        rates AS MATERIALIZED (
            SELECT k.household_id, k.currency, k.day, fx_rate(k.household_id, k.currency, k.base, k.day) AS rate
            FROM (SELECT DISTINCT household_id, currency, day, base FROM days WHERE day IS NOT NULL) k)
        INSERT INTO entry_month_converted AS t (household_id, kind, month, category_id, category, currency, converted,
                                                converted_entries, unconverted_entries)
        SELECT d.household_id, TG_ARGV[0], d.month, d.category_id, d.category, d.currency,
               COALESCE(sum(d.amount * d.rate) FILTER (WHERE d.rate IS NOT NULL), 0),
               COALESCE(sum(d.n) FILTER (WHERE d.rate IS NOT NULL), 0),
               COALESCE(sum(d.n) FILTER (WHERE d.rate IS NULL), 0)
        FROM (SELECT d.*, CASE WHEN d.day IS NULL THEN 1 ELSE x.rate END AS rate
              FROM days d LEFT JOIN rates x
                   ON x.household_id = d.household_id AND x.currency = d.currency AND x.day = d.day) d
        GROUP BY d.household_id, d.month, d.category_id, d.category, d.currency
        ORDER BY d.household_id, d.month, d.category_id, d.category, d.currency
        ON CONFLICT ON CONSTRAINT entry_month_converted_key
            DO UPDATE SET converted = t.converted + EXCLUDED.converted,
                          converted_entries = t.converted_entries + EXCLUDED.converted_entries,
                          unconverted_entries = t.unconverted_entries + EXCLUDED.unconverted_entries;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        -- only groups a row left can have become empty
        DELETE FROM entry_month_converted
        WHERE converted_entries = 0 AND unconverted_entries = 0
          AND household_id IN (SELECT DISTINCT household_id FROM old_rows);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION entry_month_converted_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM entry_month_converted WHERE kind = TG_ARGV[0];
    RETURN NULL;
END $$;

CREATE TRIGGER expenses_month_converted_insert AFTER INSERT ON expenses REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_add('expense');
CREATE TRIGGER expenses_month_converted_update AFTER UPDATE ON expenses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_add('expense');
CREATE TRIGGER expenses_month_converted_delete AFTER DELETE ON expenses REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_add('expense');
CREATE TRIGGER expenses_month_converted_truncate AFTER TRUNCATE ON expenses
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_truncate('expense');
CREATE TRIGGER incomes_month_converted_insert AFTER INSERT ON incomes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_add('income');
CREATE TRIGGER incomes_month_converted_update AFTER UPDATE ON incomes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_add('income');
CREATE TRIGGER incomes_month_converted_delete AFTER DELETE ON incomes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_add('income');
CREATE TRIGGER incomes_month_converted_truncate AFTER TRUNCATE ON incomes
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_truncate('income');

-- A statement on exchange_rates: a rate (currency, quote, day) can change the conversion
-- of an entry into the base only on or after its day, and only of a currency fx_rate
-- looks it up for (V13): every lookup names the entry's currency or the base, so the end
-- of the pair that is not the base; and every currency when the other end is the base and
-- a hub (EUR, USD, which fx_rate crosses through). Those are recomputed from the month of
-- the earliest day written, once per household and currency. The households' rows are
-- held FOR UPDATE first (see entry_month_converted_add). The arrays are the rows written,
-- old and new, column by column.
CREATE FUNCTION entry_month_converted_rates_written(p_households integer[], p_currencies char(3)[],
                                                    p_quotes char(3)[], p_days date[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    v_scope record;
BEGIN
    PERFORM 1 FROM households WHERE id = ANY (p_households) ORDER BY id FOR UPDATE;
    FOR v_scope IN
        WITH written AS (
            SELECT w.household_id, w.currency, w.quote, w.day, h.base_currency AS base
            FROM unnest(p_households, p_currencies, p_quotes, p_days) AS w(household_id, currency, quote, day)
            JOIN households h ON h.id = w.household_id),
        scope AS (
            SELECT household_id, currency, day FROM written WHERE currency <> base
            UNION ALL
            SELECT household_id, quote, day FROM written WHERE quote <> base
            UNION ALL
            SELECT household_id, NULL, day FROM written
            WHERE (currency = base AND quote IN ('EUR', 'USD')) OR (quote = base AND currency IN ('EUR', 'USD'))),
        earliest AS (
            SELECT household_id, currency, min(day) - (EXTRACT(DAY FROM min(day))::integer - 1) AS month
            FROM scope GROUP BY household_id, currency)
        SELECT e.household_id, e.currency, e.month FROM earliest e
        -- a currency's months inside those every currency is recomputed for need no second pass
        WHERE e.currency IS NULL OR NOT EXISTS (SELECT 1 FROM earliest a WHERE a.household_id = e.household_id
                                                AND a.currency IS NULL AND a.month <= e.month)
        ORDER BY e.household_id, e.currency NULLS FIRST
    LOOP
        PERFORM entry_month_converted_recompute(v_scope.household_id, v_scope.currency, v_scope.month);
    END LOOP;
END $$;

CREATE FUNCTION entry_month_converted_rates() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    v_households integer[];
    v_currencies char(3)[];
    v_quotes     char(3)[];
    v_days       date[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM 1 FROM households ORDER BY id FOR UPDATE;
        PERFORM entry_month_converted_recompute(id, NULL, NULL) FROM households ORDER BY id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(household_id), array_agg(currency), array_agg(quote), array_agg(day)
        INTO v_households, v_currencies, v_quotes, v_days FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(household_id), array_agg(currency), array_agg(quote), array_agg(day)
        INTO v_households, v_currencies, v_quotes, v_days
        FROM (SELECT household_id, currency, quote, day FROM new_rows
              UNION ALL SELECT household_id, currency, quote, day FROM old_rows) w;
    ELSE
        SELECT array_agg(household_id), array_agg(currency), array_agg(quote), array_agg(day)
        INTO v_households, v_currencies, v_quotes, v_days FROM old_rows;
    END IF;
    IF v_households IS NOT NULL THEN
        PERFORM entry_month_converted_rates_written(v_households, v_currencies, v_quotes, v_days);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER exchange_rates_month_converted_insert AFTER INSERT ON exchange_rates
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_rates();
CREATE TRIGGER exchange_rates_month_converted_update AFTER UPDATE ON exchange_rates
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_rates();
CREATE TRIGGER exchange_rates_month_converted_delete AFTER DELETE ON exchange_rates
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_rates();
CREATE TRIGGER exchange_rates_month_converted_truncate AFTER TRUNCATE ON exchange_rates
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_rates();

-- A household's base currency changed: everything it converted is recomputed. (A column
-- list, UPDATE OF base_currency, cannot go with transition tables.)
CREATE FUNCTION entry_month_converted_base() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    v_household integer;
BEGIN
    FOR v_household IN
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.base_currency IS DISTINCT FROM o.base_currency ORDER BY n.id
    LOOP
        PERFORM 1 FROM households WHERE id = v_household FOR UPDATE;
        PERFORM entry_month_converted_recompute(v_household, NULL, NULL);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER households_month_converted_base AFTER UPDATE ON households
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_month_converted_base();
