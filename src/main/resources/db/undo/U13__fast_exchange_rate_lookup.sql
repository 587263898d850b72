-- Undoes V13__fast_exchange_rate_lookup.sql: V11's fx_rate again (same results, slower).
CREATE OR REPLACE FUNCTION fx_rate(p_household integer, p_from text, p_to text, p_day date) RETURNS numeric
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    v_rate numeric;
    v_hub  text;
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
    WHERE household_id = p_household AND currency = p_from AND quote = p_to AND day <= p_day
    ORDER BY day DESC LIMIT 1;
    IF v_rate IS NOT NULL THEN
        RETURN v_rate;
    END IF;
    SELECT 1 / rate INTO v_rate FROM exchange_rates
    WHERE household_id = p_household AND currency = p_to AND quote = p_from AND day <= p_day
    ORDER BY day DESC LIMIT 1;
    IF v_rate IS NOT NULL THEN
        RETURN v_rate;
    END IF;
    FOREACH v_hub IN ARRAY ARRAY['EUR', 'USD'] LOOP
        CONTINUE WHEN v_hub = p_from OR v_hub = p_to;
        -- one hub unit in each currency (the ECB layout)
        SELECT rate INTO v_a FROM exchange_rates
        WHERE household_id = p_household AND currency = v_hub AND quote = p_from AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        SELECT rate INTO v_b FROM exchange_rates
        WHERE household_id = p_household AND currency = v_hub AND quote = p_to AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        IF v_a IS NOT NULL AND v_b IS NOT NULL THEN
            RETURN v_b / v_a;
        END IF;
        -- each currency in hub units
        SELECT rate INTO v_a FROM exchange_rates
        WHERE household_id = p_household AND currency = p_from AND quote = v_hub AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        SELECT rate INTO v_b FROM exchange_rates
        WHERE household_id = p_household AND currency = p_to AND quote = v_hub AND day <= p_day
        ORDER BY day DESC LIMIT 1;
        IF v_a IS NOT NULL AND v_b IS NOT NULL THEN
            RETURN v_a / v_b;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
