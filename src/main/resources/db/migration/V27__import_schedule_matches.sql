-- Statement imports match bank rows with the due occurrences of confirm-mode schedules
-- (issue #21): a staged row remembers the schedule and the occurrence (its rule date) it
-- matches, and its decision may be 'confirm' (the commit confirms that occurrence with the
-- bank's date and amount) besides 'import' (a plain entry) and 'skip'. Entries and
-- schedules themselves are not changed by this script.
ALTER TABLE import_rows
    ADD COLUMN match_schedule_id integer REFERENCES schedules (id) ON DELETE SET NULL,
    ADD COLUMN match_occurrence  date;

ALTER TABLE import_rows DROP CONSTRAINT import_rows_decision_check;
ALTER TABLE import_rows ADD CONSTRAINT import_rows_decision_check
    CHECK (decision IN ('import', 'skip', 'confirm'));
