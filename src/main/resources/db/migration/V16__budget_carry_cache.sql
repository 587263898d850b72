-- What each category carried into a period, with the rules in force entering it: derived
-- from the plan, the entries and the rates, kept so that reading a period runs a category
-- from its nearest kept period instead of from the first period it was ever planned in.
-- Like budget_spent, rows are added only by a reader holding the household's exclusive
-- budget lock, and every change that could alter a kept figure deletes it in the same
-- transaction: an entry or a rate deletes the periods after its day, a plan line the periods
-- after its own, new period settings everything of the household. A member budget depends
-- on the shares of each expense, which none of these see, so a category's periods are kept
-- only while no member rule was in force before them.
CREATE TABLE budget_carry (
    household_id  integer        NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    category_id   integer        NOT NULL,
    period        char(7)        NOT NULL,
    base          char(3)        NOT NULL,
    period_start  date           NOT NULL,
    carried_in    numeric(14, 2) NOT NULL,
    carry         varchar(7)     NOT NULL,
    carry_cap     numeric(12, 2),
    carry_floor   numeric(12, 2),
    target_kind   varchar(7)     NOT NULL,
    target_amount numeric(12, 2),
    target_date   date,
    PRIMARY KEY (household_id, category_id, period, base)
);
CREATE INDEX idx_budget_carry_start ON budget_carry (household_id, period_start);

-- An entry changes the spending of its period, so what every later period carries in. An
-- update that keeps the category and the day clears once.
CREATE OR REPLACE FUNCTION budget_spent_forget() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, OLD.household_id);
        DELETE FROM budget_spent
        WHERE household_id = OLD.household_id AND category_id = OLD.category_id
          AND period_start <= OLD.date AND period_end > OLD.date;
        DELETE FROM budget_carry
        WHERE household_id = OLD.household_id AND category_id = OLD.category_id AND period_start > OLD.date;
        IF TG_OP = 'UPDATE' AND NEW.household_id = OLD.household_id AND NEW.category_id IS NOT DISTINCT FROM OLD.category_id
           AND NEW.date = OLD.date THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, NEW.household_id);
        DELETE FROM budget_spent
        WHERE household_id = NEW.household_id AND category_id = NEW.category_id
          AND period_start <= NEW.date AND period_end > NEW.date;
        DELETE FROM budget_carry
        WHERE household_id = NEW.household_id AND category_id = NEW.category_id AND period_start > NEW.date;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION budget_spent_forget_rates() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, OLD.household_id);
        DELETE FROM budget_spent WHERE household_id = OLD.household_id AND period_end > OLD.day;
        DELETE FROM budget_carry WHERE household_id = OLD.household_id AND period_start > OLD.day;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, NEW.household_id);
        DELETE FROM budget_spent WHERE household_id = NEW.household_id AND period_end > NEW.day;
        DELETE FROM budget_carry WHERE household_id = NEW.household_id AND period_start > NEW.day;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION budget_spent_forget_all() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM budget_spent;
    DELETE FROM budget_carry;
    RETURN NULL;
END $$;

-- A plan line changes what its own period carries out, so what every later period carries in.
CREATE FUNCTION budget_carry_forget_lines() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, OLD.household_id);
        DELETE FROM budget_carry
        WHERE household_id = OLD.household_id AND category_id = OLD.category_id AND period > OLD.period;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock_shared(1112885844, NEW.household_id);
        DELETE FROM budget_carry
        WHERE household_id = NEW.household_id AND category_id = NEW.category_id AND period > NEW.period;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER budget_lines_budget_carry AFTER INSERT OR DELETE OR UPDATE ON budget_lines
    FOR EACH ROW EXECUTE FUNCTION budget_carry_forget_lines();
CREATE TRIGGER budget_lines_budget_carry_truncate AFTER TRUNCATE ON budget_lines
    FOR EACH STATEMENT EXECUTE FUNCTION budget_spent_forget_all();

-- New period settings move every period's days.
CREATE FUNCTION budget_carry_forget_settings() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    household integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.household_id ELSE NEW.household_id END;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1112885844, household);
    DELETE FROM budget_carry WHERE household_id = household;
    RETURN NULL;
END $$;

CREATE TRIGGER budget_settings_budget_carry AFTER INSERT OR DELETE OR UPDATE ON budget_settings
    FOR EACH ROW EXECUTE FUNCTION budget_carry_forget_settings();
CREATE TRIGGER budget_settings_budget_carry_truncate AFTER TRUNCATE ON budget_settings
    FOR EACH STATEMENT EXECUTE FUNCTION budget_spent_forget_all();
