-- Budgets: a plan per expense category and period, with what is left carried forward as
-- each category chooses. Only the plan is stored; spent, carried and available amounts are
-- computed from the entries on every read, so they always agree with them.

-- When a household's budget period starts: on a day of the month (1 to 28: payday
-- budgeting), moved to the Friday before when it falls on a weekend if asked.
CREATE TABLE budget_settings (
    household_id integer    PRIMARY KEY REFERENCES households (id) ON DELETE CASCADE,
    start_day    smallint   NOT NULL DEFAULT 1 CHECK (start_day BETWEEN 1 AND 28),
    weekend_rule varchar(13) NOT NULL DEFAULT 'none' CHECK (weekend_rule IN ('none', 'friday_before')),
    version      integer    NOT NULL DEFAULT 0
);

-- One category in one period (named by the month it starts in): the amount assigned, in
-- the household's base currency, and the category's rules from this period on (a null rule
-- keeps the one of an earlier period).
CREATE TABLE budget_lines (
    household_id integer        NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    category_id  integer        NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    period       char(7)        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    assigned     numeric(12, 2) CHECK (assigned >= 0),
    -- what is left at the end of a period: none (a limit that resets), surplus (what is left
    -- carries), both (overspending carries too, as a negative)
    carry        varchar(7)     CHECK (carry IN ('none', 'surplus', 'both')),
    carry_cap    numeric(12, 2) CHECK (carry_cap >= 0),
    carry_floor  numeric(12, 2) CHECK (carry_floor <= 0),
    -- save target_amount by target_date, or refill up to target_amount each period
    target_kind   varchar(7)     CHECK (target_kind IN ('none', 'save_by', 'refill')),
    target_amount numeric(12, 2) CHECK (target_amount > 0),
    target_date   date,
    -- count this member's share of each expense instead of the whole amount (0: everyone)
    member_id    integer        CHECK (member_id >= 0),
    version      integer        NOT NULL DEFAULT 0,
    PRIMARY KEY (household_id, category_id, period)
);

CREATE INDEX idx_budget_lines_period ON budget_lines (household_id, period);

-- What a category spent in a span of days, converted into a base currency: derived from the
-- entries and the exchange rates, kept so that a budget read does not convert a decade of
-- entries again. Rows are added only by a reader holding the household's exclusive budget
-- lock (see budget_spent_forget), and every change to an entry or a rate deletes the rows it
-- touches in the same transaction, so a row present is always what a recomputation gives.
CREATE TABLE budget_spent (
    household_id integer        NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    category_id  integer        NOT NULL,
    period_start date           NOT NULL,
    period_end   date           NOT NULL CHECK (period_end > period_start),
    base         char(3)        NOT NULL,
    spent        numeric(14, 2) NOT NULL,
    unconverted  integer        NOT NULL,
    PRIMARY KEY (household_id, category_id, period_start, period_end, base)
);
CREATE INDEX idx_budget_spent_end ON budget_spent (household_id, period_end);

-- Writers take the household's budget lock shared (writers never wait for each other); a
-- reader filling budget_spent takes it exclusive, and only when no writer holds it, so no
-- row computed before a change can be stored after the change deleted its rows.
CREATE FUNCTION budget_spent_forget() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, OLD.household_id);
        DELETE FROM budget_spent
        WHERE household_id = OLD.household_id AND category_id = OLD.category_id
          AND period_start <= OLD.date AND period_end > OLD.date;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, NEW.household_id);
        DELETE FROM budget_spent
        WHERE household_id = NEW.household_id AND category_id = NEW.category_id
          AND period_start <= NEW.date AND period_end > NEW.date;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER expenses_budget_spent AFTER INSERT OR DELETE OR UPDATE OF date, amount, currency, category_id,
    household_id ON expenses FOR EACH ROW EXECUTE FUNCTION budget_spent_forget();

-- A rate converts the entries from its day on (until the next rate), in every category.
CREATE FUNCTION budget_spent_forget_rates() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, OLD.household_id);
        DELETE FROM budget_spent WHERE household_id = OLD.household_id AND period_end > OLD.day;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, NEW.household_id);
        DELETE FROM budget_spent WHERE household_id = NEW.household_id AND period_end > NEW.day;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER exchange_rates_budget_spent AFTER INSERT OR UPDATE OR DELETE ON exchange_rates
    FOR EACH ROW EXECUTE FUNCTION budget_spent_forget_rates();

CREATE FUNCTION budget_spent_forget_all() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM budget_spent;
    RETURN NULL;
END $$;

CREATE TRIGGER expenses_budget_spent_truncate AFTER TRUNCATE ON expenses
    FOR EACH STATEMENT EXECUTE FUNCTION budget_spent_forget_all();
CREATE TRIGGER exchange_rates_budget_spent_truncate AFTER TRUNCATE ON exchange_rates
    FOR EACH STATEMENT EXECUTE FUNCTION budget_spent_forget_all();
