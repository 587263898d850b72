-- Undoes V5__create_repair_journal.sql. Open entries are lost with the table: run
-- ./hbw repair (in phase P2) before downgrading.
DROP TABLE IF EXISTS repair_journal;
