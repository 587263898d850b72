-- Undoes V16__budget_carry_cache.sql: budget_carry is derived from the plan and the entries,
-- and no data. The V14 trigger functions come back as they were.
DROP TRIGGER IF EXISTS budget_settings_budget_carry_truncate ON budget_settings;
DROP TRIGGER IF EXISTS budget_settings_budget_carry ON budget_settings;
DROP FUNCTION IF EXISTS budget_carry_forget_settings();
DROP TRIGGER IF EXISTS budget_lines_budget_carry_truncate ON budget_lines;
DROP TRIGGER IF EXISTS budget_lines_budget_carry ON budget_lines;
DROP FUNCTION IF EXISTS budget_carry_forget_lines();

CREATE OR REPLACE FUNCTION budget_spent_forget() RETURNS trigger
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

CREATE OR REPLACE FUNCTION budget_spent_forget_rates() RETURNS trigger
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

CREATE OR REPLACE FUNCTION budget_spent_forget_all() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM budget_spent;
    RETURN NULL;
END $$;

DROP TABLE IF EXISTS budget_carry;
