-- Undoes V28__create_demo_rows.sql. Which rows a demo load created is data: downgrade
-- refuses without --force while any are marked. The demo entries and categories stay (they
-- are ordinary rows); only the mark that lets one click remove them goes.
DROP TABLE IF EXISTS demo_rows;
