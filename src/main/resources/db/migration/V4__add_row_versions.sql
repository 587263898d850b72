-- Optimistic concurrency: every update bumps the row's version; clients send it back in
-- If-Match so that a stale edit is refused (412) instead of silently overwriting another.
ALTER TABLE expenses ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE incomes ADD COLUMN version integer NOT NULL DEFAULT 0;
