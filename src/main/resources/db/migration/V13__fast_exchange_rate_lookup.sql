-- fx_rate looked rates up by comparing the char(3) columns with text parameters, which
-- kept PostgreSQL from using the (household_id, currency, quote, day) index: every
-- conversion read the household's whole rate table. The same function, comparing char(3).
CREATE OR REPLACE FUNCTION fx_rate(p_household integer, p_from text, p_to text, p_day date) RETURNS numeric
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    -- the columns are char(3): compared with text, the index on them would go unused
    v_from char(3) := p_from;
    v_to   char(3) := p_to;
    v_rate numeric;
    v_hub  char(3);
    v_a    numeric;
    v_b    numeric;
BEGIN
    IF p_from IS NULL OR p_to IS NULL THEN
        RETURN NULL;
    END IF;
    IF p_from = p_to THEN
        RETURN 1;
    END IF;
    SELECT rate INTO v_rate FROM exchange_rates
    WHERE household_id = p_household AND currency = v_from AND quote = v_to AND day <= p_day
    ORDER BY day DESC LIMIT 1;
    IF v_rate IS NOT NULL THEN
        RETURN v_rate;
    END IF;
    SELECT 1 / rate INTO v_rate FROM exchange_rates
    WHERE household_id = p_household AND currency = v_to AND quote = v_from AND day <= p_day
    ORDER BY day DESC LIMIT 1;
    IF v_rate IS NOT NULL THEN
        RETURN v_rate;
    END IF;
    FOREACH v_hub IN ARRAY CAST(ARRAY['EUR', 'USD'] AS char(3)[]) LOOP
        CONTINUE WHEN v_hub = v_from OR v_hub = v_to;
        -- one hub unit in each currency (the ECB layout)
        SELECT rate INTO v_a FROM exchange_rates
        WHERE household_id = p_household AND currency = v_hub AND quote = v_from AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        SELECT rate INTO v_b FROM exchange_rates
        WHERE household_id = p_household AND currency = v_hub AND quote = v_to AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        IF v_a IS NOT NULL AND v_b IS NOT NULL THEN
            RETURN v_b / v_a;
        END IF;
        -- each currency in hub units
        SELECT rate INTO v_a FROM exchange_rates
        WHERE household_id = p_household AND currency = v_from AND quote = v_hub AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        SELECT rate INTO v_b FROM exchange_rates
        WHERE household_id = p_household AND currency = v_to AND quote = v_hub AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        IF v_a IS NOT NULL AND v_b IS NOT NULL THEN
            RETURN v_a / v_b;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
