-- Undoes V17__create_schedules.sql. Schedules are data: downgrade refuses without --force
-- while any exist. The entries they posted are ordinary entries and stay.
DROP TABLE IF EXISTS calendar_feeds;
DROP TABLE IF EXISTS schedule_settings;
DROP TABLE IF EXISTS schedule_occurrences;
DROP TABLE IF EXISTS schedules;
