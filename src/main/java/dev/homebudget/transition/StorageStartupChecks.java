package dev.homebudget.transition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.config.StorageSettingException;
import dev.homebudget.ledger.Households;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start a dual-write phase on stores that cannot be mirrored safely, because
 * the mirror copies the primary's state over whatever the mirror holds:
 * <ul>
 * <li>writes that the other direction's journal still holds open (P1 after P2, P2 after
 * P1): the store about to become primary is missing them, and they would be lost;</li>
 * <li>one store empty while the other has entries: the import (P1) or export (P2) has not
 * been run, or the JSON directory setting points at the wrong place.</li>
 * </ul>
 * Stores that both hold entries but different numbers of them only get a warning: the
 * reconcile command tells what differs.
 */
final class StorageStartupChecks implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(StorageStartupChecks.class);

	private final StorageMode mode;

	private final ObjectProvider<JsonStore> jsonStore;

	private final JdbcClient jdbc;

	private final RepairJournal journal;

	StorageStartupChecks(StorageMode mode, ObjectProvider<JsonStore> jsonStore, JdbcClient jdbc,
			RepairJournal journal) {
		this.mode = mode;
		this.jsonStore = jsonStore;
		this.jdbc = jdbc;
		this.journal = journal;
	}

	@Override
	public void afterSingletonsInstantiated() {
		StoragePhase phase = this.mode.phase();
		if (!phase.hasMirror() || !tableExists("expenses")) {
			return;
		}
		JsonStore json = this.jsonStore.getObject();
		if (phase == StoragePhase.P1 && DatabaseRepairJournal.exists(this.jdbc)) {
			long open = new DatabaseRepairJournal(this.jdbc).openCount();
			if (open > 0) {
				throw new StorageSettingException(open + " write(s) made while PostgreSQL was primary (P2) never "
						+ "reached the JSON files (repair_journal has open entries); in P1 the JSON files would be "
						+ "the truth without them.",
						"Start in P2 again and run ./hbw repair until it reports no open "
								+ "entries, then switch to P1.");
			}
		}
		if (phase == StoragePhase.P2) {
			int open = FileRepairJournal.readOpenEntries(json.directory().path()).size();
			if (open > 0) {
				throw new StorageSettingException(
						open + " write(s) made while the JSON files were primary (P1) " + "never reached PostgreSQL ("
								+ FileRepairJournal.FILE_NAME + " has open entries); in P2 "
								+ "PostgreSQL would be the truth without them.",
						"Start in P1 again and run ./hbw repair until it reports no open entries, then switch to P2.");
			}
		}
		List<String> differences = new ArrayList<>();
		for (LedgerFile file : LedgerFile.values()) {
			// the JSON files hold the first household's data only
			long inDatabase = this.jdbc
				.sql("SELECT count(*) FROM " + file.tableName() + " WHERE household_id = " + Households.FIRST)
				.query(Long.class)
				.single();
			long inJson = json.loadedCount(file);
			long primary = (phase == StoragePhase.P1) ? inJson : inDatabase;
			long mirror = (phase == StoragePhase.P1) ? inDatabase : inJson;
			if (mirror == 0 && primary > 0 && primary <= pendingIds(file).size()) {
				// every record of the primary is a write the journal still holds open (a
				// crash right after the first writes): repair fills the mirror
				differences.add(file.fileName() + " " + inJson + " vs PostgreSQL " + inDatabase);
				continue;
			}
			if (inDatabase > 0 && inJson == 0) {
				throw new StorageSettingException(
						file.fileName() + " in " + json.directory().path() + " holds no entries but PostgreSQL holds "
								+ inDatabase + " " + file.entryName()
								+ "(s); mirroring would start from an incomplete copy.",
						(phase == StoragePhase.P1)
								? "Point budget.storage.json-directory at the JSON files, or recreate them from "
										+ "PostgreSQL with ./hbw export-json before dual-writing with JSON primary."
								: "Recreate the JSON files from PostgreSQL with ./hbw export-json before switching "
										+ "to P2, or point budget.storage.json-directory at them.");
			}
			if (inJson > 0 && inDatabase == 0) {
				throw new StorageSettingException(
						"PostgreSQL holds no " + file.entryName() + " but " + file.fileName() + " holds " + inJson
								+ "; mirroring would start from an incomplete copy.",
						"Import the JSON files into PostgreSQL with ./hbw import-json first, or check DATABASE_URL.");
			}
			if (inJson != inDatabase) {
				differences.add(file.fileName() + " " + inJson + " vs PostgreSQL " + inDatabase);
			}
		}
		if (!differences.isEmpty()) {
			logger.warn(
					"The stores hold different numbers of entries ({}); run ./hbw reconcile to see which "
							+ "differ, and ./hbw repair if the repair journal has open entries",
					String.join(", ", differences));
		}
	}

	/** Ids of this entity that open entries of the current phase's journal name. */
	private Set<Integer> pendingIds(LedgerFile file) {
		if (this.mode.phase() == StoragePhase.P2 && !DatabaseRepairJournal.exists(this.jdbc)) {
			return Set.of();
		}
		Set<Integer> ids = new HashSet<>();
		this.journal.openEntries()
			.stream()
			.filter((entry) -> entry.entity().equals(file.entryName()))
			.forEach((entry) -> ids.addAll(entry.ids()));
		return ids;
	}

	private boolean tableExists(String table) {
		return this.jdbc.sql("SELECT to_regclass(:table) IS NOT NULL")
			.param("table", table)
			.query(Boolean.class)
			.single();
	}

}
