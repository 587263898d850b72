-- Undoes V27__import_schedule_matches.sql. Which schedule occurrence a staged row matches
-- is data: downgrade refuses without --force while any row names one. A staged row whose
-- decision was to confirm its occurrence is skipped instead (nothing is written for it).
UPDATE import_rows SET decision = 'skip' WHERE decision = 'confirm';
ALTER TABLE import_rows DROP CONSTRAINT import_rows_decision_check;
ALTER TABLE import_rows ADD CONSTRAINT import_rows_decision_check CHECK (decision IN ('import', 'skip'));
ALTER TABLE import_rows DROP COLUMN IF EXISTS match_occurrence, DROP COLUMN IF EXISTS match_schedule_id;
