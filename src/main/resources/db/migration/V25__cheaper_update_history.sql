-- An update's history event for less work (issue #19: a PUT with its history within 15 % of
-- one without). Same events, same changes; two costs go:
--
-- 1. history_diff was an SQL function whose body has a subquery: PostgreSQL cannot inline it,
--    and plans an SQL function's body again on every call, so every updated row paid a
--    planning. As PL/pgSQL its statement is planned once per connection.
-- 2. history_updated looked in history_events for an event of the same row written earlier in
--    the same transaction (to fold an expense's payers, stored right after it, into one event)
--    on every update. The history triggers now note in a transaction-local setting
--    (hbw.history_batch) that this transaction wrote events; an update in a transaction that
--    wrote none yet has nothing to fold, and an entry's, settlement's or category's update
--    there inserts its events directly, pairing old and new rows by id. The setting only
--    ever says "maybe": with it set, the lookup runs as before.

CREATE OR REPLACE FUNCTION history_diff(p_old jsonb, p_new jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN (SELECT COALESCE(jsonb_object_agg(k, jsonb_build_object('old', p_old ->> k, 'new', p_new ->> k)), '{}')
            FROM (SELECT jsonb_object_keys(COALESCE(p_new, '{}') || COALESCE(p_old, '{}')) AS k) keys
            WHERE k NOT IN ('id', 'household_id', 'version', 'currency_code', 'category_id', 'name_key',
                            'created_at', 'created_by', 'entered_by')
              AND (p_old ->> k) IS DISTINCT FROM (p_new ->> k));
END $$;

CREATE OR REPLACE FUNCTION history_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    v_source text := COALESCE(NULLIF(current_setting('hbw.source', true), ''), 'system');
BEGIN
    IF current_setting('hbw.history', true) = 'off' THEN
        RETURN NULL;
    END IF;
    INSERT INTO history_events (household_id, kind, entity_id, entity_key, action, version_before, version_after,
                                changes, actor_id, actor_name, source, request_id, batch_id)
    SELECT (r ->> 'household_id')::integer, TG_ARGV[0], (r ->> TG_ARGV[1])::integer, r ->> TG_ARGV[2],
           CASE WHEN current_setting('hbw.action', true) = 'restore' THEN 'restore'
                WHEN v_source = 'import' THEN 'import' ELSE 'create' END,
           NULL, (r ->> 'version')::integer, history_fields(r),
           NULLIF(current_setting('hbw.actor_id', true), '')::integer,
           NULLIF(current_setting('hbw.actor_name', true), ''), v_source,
           NULLIF(current_setting('hbw.request_id', true), ''), txid_current()
    FROM (SELECT to_jsonb(n) AS r FROM new_rows n) rows;
    -- a later update of these rows in this transaction folds into their events
    PERFORM set_config('hbw.history_batch', txid_current()::text, true);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION history_updated() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    v_batch bigint := txid_current();
BEGIN
    IF current_setting('hbw.history', true) = 'off' THEN
        RETURN NULL;
    END IF;
    IF TG_ARGV[1] = 'id' AND TG_ARGV[2] IS NULL
       AND current_setting('hbw.history_batch', true) IS DISTINCT FROM v_batch::text THEN
        -- entries, settlements and categories in a transaction that has written no event
        -- yet: nothing to fold into, and old and new paired by the primary key itself, which
        -- costs a third of pairing them by a key read out of their JSON (settlements have no
        -- version column: their versions are read from the JSON, null there). Budget lines
        -- and settings, seldom written, take the general way below.
        INSERT INTO history_events (household_id, kind, entity_id, entity_key, action, version_before,
                                    version_after, changes, actor_id, actor_name, source, request_id, batch_id)
        SELECT n.household_id, TG_ARGV[0], n.id, NULL, 'update', (j.o ->> 'version')::integer,
               (j.n ->> 'version')::integer, history_diff(j.o, j.n),
               NULLIF(current_setting('hbw.actor_id', true), '')::integer,
               NULLIF(current_setting('hbw.actor_name', true), ''),
               COALESCE(NULLIF(current_setting('hbw.source', true), ''), 'system'),
               NULLIF(current_setting('hbw.request_id', true), ''), v_batch
        FROM old_rows o
        JOIN new_rows n ON n.id = o.id AND n.household_id = o.household_id
        CROSS JOIN LATERAL (SELECT to_jsonb(o) AS o, to_jsonb(n) AS n) j
        WHERE j.o <> j.n;
        IF FOUND THEN
            PERFORM set_config('hbw.history_batch', v_batch::text, true);
        END IF;
        RETURN NULL;
    END IF;
    WITH pairs AS (
        SELECT a.o, b.n, (b.n ->> 'household_id')::integer AS household, (b.n ->> TG_ARGV[1])::integer AS entity,
               b.n ->> TG_ARGV[2] AS key
        FROM (SELECT to_jsonb(o) AS o FROM old_rows o) a
        JOIN (SELECT to_jsonb(n) AS n FROM new_rows n) b
          ON (a.o ->> 'household_id') = (b.n ->> 'household_id') AND (a.o ->> TG_ARGV[1]) = (b.n ->> TG_ARGV[1])
         AND (a.o ->> TG_ARGV[2]) IS NOT DISTINCT FROM (b.n ->> TG_ARGV[2])
        WHERE a.o <> b.n),
    prev AS (
        SELECT DISTINCT ON (p.household, p.entity, p.key) h.id, h.action, h.changes, p.o, p.n, p.household,
               p.entity, p.key
        FROM pairs p
        JOIN history_events h ON h.household_id = p.household AND h.kind = TG_ARGV[0] AND h.entity_id = p.entity
                             AND h.entity_key IS NOT DISTINCT FROM p.key AND h.batch_id = v_batch
        ORDER BY p.household, p.entity, p.key, h.id DESC),
    folded AS (
        UPDATE history_events h
        SET changes = CASE WHEN prev.action = 'update' THEN history_merge(prev.changes, prev.o, prev.n)
                           ELSE history_fields(prev.n) END,
            version_after = (prev.n ->> 'version')::integer
        FROM prev WHERE h.id = prev.id
        RETURNING h.id)
    INSERT INTO history_events (household_id, kind, entity_id, entity_key, action, version_before, version_after,
                                changes, actor_id, actor_name, source, request_id, batch_id)
    SELECT p.household, TG_ARGV[0], p.entity, p.key, 'update', (p.o ->> 'version')::integer,
           (p.n ->> 'version')::integer, history_diff(p.o, p.n),
           NULLIF(current_setting('hbw.actor_id', true), '')::integer,
           NULLIF(current_setting('hbw.actor_name', true), ''),
           COALESCE(NULLIF(current_setting('hbw.source', true), ''), 'system'),
           NULLIF(current_setting('hbw.request_id', true), ''), v_batch
    FROM pairs p
    WHERE NOT EXISTS (SELECT 1 FROM prev WHERE prev.household = p.household AND prev.entity = p.entity
                                           AND prev.key IS NOT DISTINCT FROM p.key);
    RETURN NULL;
END $$;
