package dev.homebudget.transition;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.homebudget.ledger.EntrySql;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The P2 journal: the {@code repair_journal} table. PostgreSQL is the primary, so an
 * entry can be inserted in the write's own transaction: it exists exactly when the write
 * committed. A failed JSON write cannot be recorded in the JSON files, which are what
 * failed.
 */
final class DatabaseRepairJournal implements RepairJournal {

	private final JdbcClient jdbc;

	DatabaseRepairJournal(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String location() {
		return "PostgreSQL table repair_journal";
	}

	@Override
	public Entry open(String entity, String operation, Collection<Integer> ids) {
		return this.jdbc
			.sql("INSERT INTO repair_journal (entity, operation, entry_ids) VALUES (:entity, :operation, :ids) "
					+ "RETURNING id, entity, operation, entry_ids, opened_at, error_kind, attempts")
			.param("entity", entity)
			.param("operation", operation)
			.param("ids", EntrySql.integerArray(ids))
			.query(DatabaseRepairJournal::entry)
			.single();
	}

	/**
	 * A write that the mirror copied is deleted, so the table only keeps what needed
	 * attention; one that repair had to copy is kept, marked resolved.
	 */
	@Override
	public void resolve(Entry entry, String resolution) {
		if (StorageMirrors.MIRRORED.equals(resolution)) {
			this.jdbc.sql("DELETE FROM repair_journal WHERE id = :id").param("id", entry.id()).update();
			return;
		}
		this.jdbc
			.sql("UPDATE repair_journal SET resolved_at = now(), resolution = :resolution "
					+ "WHERE id = :id AND resolved_at IS NULL")
			.param("resolution", resolution)
			.param("id", entry.id())
			.update();
	}

	/** One statement for a batch the mirror copied in one go. */
	@Override
	public void resolveAll(List<Entry> entries, String resolution) {
		if (entries.size() == 1 || !StorageMirrors.MIRRORED.equals(resolution)) {
			RepairJournal.super.resolveAll(entries, resolution);
			return;
		}
		this.jdbc.sql("DELETE FROM repair_journal WHERE id = ANY(:ids)")
			.param("ids", entries.stream().mapToLong(Entry::id).boxed().toArray(Long[]::new))
			.update();
	}

	@Override
	public void fail(Entry entry, String errorKind) {
		this.jdbc
			.sql("UPDATE repair_journal SET error_kind = :kind, attempts = attempts + 1, last_failed_at = now() "
					+ "WHERE id = :id")
			.param("kind", errorKind)
			.param("id", entry.id())
			.update();
	}

	@Override
	public List<Entry> openEntries() {
		return this.jdbc
			.sql("SELECT id, entity, operation, entry_ids, opened_at, error_kind, attempts FROM repair_journal "
					+ "WHERE resolved_at IS NULL ORDER BY id")
			.query(DatabaseRepairJournal::entry)
			.list();
	}

	@Override
	public long openCount() {
		return this.jdbc.sql("SELECT count(*) FROM repair_journal WHERE resolved_at IS NULL")
			.query(Long.class)
			.single();
	}

	/** Whether the table exists yet (it does not before the V5 migration ran). */
	static boolean exists(JdbcClient jdbc) {
		return jdbc.sql("SELECT to_regclass('repair_journal') IS NOT NULL").query(Boolean.class).single();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("entry_ids");
		List<Integer> ids = new ArrayList<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add(((Number) id).intValue());
		}
		return new Entry(rs.getLong("id"), rs.getString("entity"), rs.getString("operation"), ids,
				rs.getObject("opened_at", OffsetDateTime.class).toInstant(), rs.getString("error_kind"),
				rs.getInt("attempts"));
	}

}
