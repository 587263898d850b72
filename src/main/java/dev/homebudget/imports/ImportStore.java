package dev.homebudget.imports;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.homebudget.ledger.Currencies;
import dev.homebudget.ledger.EntrySql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The import tables, and the entries dedup compares with; one household per call. */
@Component
class ImportStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ImportStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A batch without its rows. */
	record Batch(int id, String status, Integer createdBy, OffsetDateTime createdAt, OffsetDateTime committedAt,
			OffsetDateTime revertedAt, String fileName, String format, Integer profileId, String account,
			String mapping, int total, int fresh, int duplicate, int match, int error, int created, int toImport,
			int version, String headerSignature, String profileName) {

	}

	/** A staged row. */
	record Row(int line, String status, String reason, String kind, LocalDate date, BigDecimal amount, String currency,
			String business, String notes, String category, String account, String bankId, String matchKind,
			Integer matchId, String decision, String entryKind, Integer entryId, int version, List<Integer> ruleIds,
			Integer paidBy, Integer forWhom, Integer matchScheduleId, LocalDate matchOccurrence) {

		/** Whether the row matches a schedule's occurrence waiting for Confirm. */
		boolean matchesOccurrence() {
			return this.matchOccurrence != null;
		}

	}

	/** What a new batch is. */
	record NewBatch(Integer createdBy, String fileName, String format, Integer profileId, String account,
			String mapping, String headerSignature) {

	}

	int insert(int household, NewBatch batch, List<CsvStatement.ParsedRow> rows, List<ImportDedup.Verdict> verdicts,
			List<StatementRules.Applied> applied) {
		int[] counts = new int[4];
		for (ImportDedup.Verdict verdict : verdicts) {
			switch (verdict.status()) {
				case "new" -> counts[0]++;
				case "duplicate" -> counts[1]++;
				case "match" -> counts[2]++;
				default -> counts[3]++;
			}
		}
		int id = this.jdbc.sql("""
				INSERT INTO import_batches (household_id, created_by, file_name, format, profile_id, account, mapping,
				    header_signature, rows_total, rows_new, rows_duplicate, rows_match, rows_error)
				VALUES (:household, :createdBy, :fileName, :format, :profile, :account, CAST(:mapping AS jsonb),
				    :signature, :total, :new, :duplicate, :match, :error)
				RETURNING id""")
			.param("household", household)
			.param("createdBy", batch.createdBy(), Types.INTEGER)
			.param("fileName", batch.fileName(), Types.VARCHAR)
			.param("format", batch.format())
			.param("profile", batch.profileId(), Types.INTEGER)
			.param("account", batch.account(), Types.VARCHAR)
			.param("mapping", batch.mapping())
			.param("signature", batch.headerSignature())
			.param("total", rows.size())
			.param("new", counts[0])
			.param("duplicate", counts[1])
			.param("match", counts[2])
			.param("error", counts[3])
			.query(Integer.class)
			.single();
		List<Object[]> arguments = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			CsvStatement.ParsedRow row = rows.get(i);
			ImportDedup.Verdict verdict = verdicts.get(i);
			String reason = (verdict.reason() != null && verdict.reason().length() > 1000)
					? verdict.reason().substring(0, 1000) : verdict.reason();
			arguments.add(new Object[] { id, row.line(), verdict.status(), reason, row.kind(),
					(row.date() != null) ? Date.valueOf(row.date()) : null, row.amount(), row.currency(),
					row.business(), row.notes(), row.category(), row.account(), row.bankId(), verdict.matchKind(),
					verdict.matchId(), verdict.decision(), ruleIds(applied.get(i).ruleIds()), applied.get(i).paidBy(),
					applied.get(i).forWhom(), verdict.scheduleId(),
					(verdict.occurrence() != null) ? Date.valueOf(verdict.occurrence()) : null });
		}
		int[] types = { Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
				Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
				Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER,
				Types.DATE };
		this.template.batchUpdate("""
				INSERT INTO import_rows (batch_id, line, status, reason, kind, date, amount, currency, business, notes,
				    category, account, bank_id, match_kind, match_id, decision, rule_ids, paid_by, for_whom,
				    match_schedule_id, match_occurrence)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS integer[]), ?, ?, ?, ?)""", arguments,
				types);
		return id;
	}

	/** Rule ids as a PostgreSQL array literal; null for none. */
	private static String ruleIds(List<Integer> ids) {
		if (ids.isEmpty()) {
			return null;
		}
		StringBuilder array = new StringBuilder("{");
		for (int i = 0; i < ids.size(); i++) {
			array.append((i == 0) ? "" : ",").append(ids.get(i));
		}
		return array.append('}').toString();
	}

	private static final String BATCH_COLUMNS = """
			b.id, b.status, b.created_by, b.created_at, b.committed_at, b.reverted_at, b.file_name, b.format,
			b.profile_id, b.account, b.mapping::text, b.rows_total, b.rows_new, b.rows_duplicate, b.rows_match,
			b.rows_error, b.rows_created,
			(SELECT count(*) FROM import_rows r WHERE r.batch_id = b.id AND r.decision IN ('import', 'confirm'))::int,
			b.version, b.header_signature, (SELECT p.name FROM import_profiles p WHERE p.id = b.profile_id)""";

	Optional<Batch> batch(int household, int id) {
		return this.jdbc
			.sql("SELECT " + BATCH_COLUMNS + " FROM import_batches b WHERE b.household_id = :household "
					+ "AND b.id = :id")
			.param("household", household)
			.param("id", id)
			.query(ImportStore::batch)
			.optional();
	}

	/** Locks the batch for a commit, a revert or a discard. */
	Optional<Batch> lock(int household, int id) {
		return this.jdbc
			.sql("SELECT " + BATCH_COLUMNS + " FROM import_batches b WHERE b.household_id = :household "
					+ "AND b.id = :id FOR UPDATE")
			.param("household", household)
			.param("id", id)
			.query(ImportStore::batch)
			.optional();
	}

	/** The newest batches, most recent first. */
	List<Batch> batches(int household, int limit) {
		return this.jdbc
			.sql("SELECT " + BATCH_COLUMNS + " FROM import_batches b WHERE b.household_id = :household "
					+ "ORDER BY b.id DESC LIMIT :limit")
			.param("household", household)
			.param("limit", limit)
			.query(ImportStore::batch)
			.list();
	}

	private static Batch batch(ResultSet rs, int row) throws SQLException {
		return new Batch(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3),
				rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
				rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
				rs.getString(10), rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15),
				rs.getInt(16), rs.getInt(17), rs.getInt(18), rs.getInt(19), rs.getString(20), rs.getString(21));
	}

	private static final String ROW_COLUMNS = """
			line, status, reason, kind, date, amount, currency, business, notes, category, account, bank_id,
			match_kind, match_id, decision, entry_kind, entry_id, version, rule_ids, paid_by, for_whom,
			match_schedule_id, match_occurrence""";

	/** Rows after a line, in line order, at most {@code limit}. */
	List<Row> rows(int batch, int afterLine, int limit) {
		return this.jdbc
			.sql("SELECT " + ROW_COLUMNS + " FROM import_rows WHERE batch_id = :batch AND line > :after "
					+ "ORDER BY line LIMIT :limit")
			.param("batch", batch)
			.param("after", afterLine)
			.param("limit", limit)
			.query(ImportStore::row)
			.list();
	}

	Optional<Row> row(int batch, int line) {
		return this.jdbc.sql("SELECT " + ROW_COLUMNS + " FROM import_rows WHERE batch_id = :batch AND line = :line")
			.param("batch", batch)
			.param("line", line)
			.query(ImportStore::row)
			.optional();
	}

	/**
	 * Every row the commit writes as a plain entry ({@code import}) or by confirming its
	 * schedule's occurrence ({@code confirm}), in line order.
	 */
	List<Row> withDecision(int batch, String decision) {
		return this.jdbc
			.sql("SELECT " + ROW_COLUMNS + " FROM import_rows WHERE batch_id = :batch AND decision = :decision "
					+ "ORDER BY line")
			.param("batch", batch)
			.param("decision", decision)
			.query(ImportStore::row)
			.list();
	}

	/** Every row that created an entry, in line order. */
	List<Row> created(int batch) {
		return this.jdbc
			.sql("SELECT " + ROW_COLUMNS + " FROM import_rows WHERE batch_id = :batch AND entry_id IS NOT NULL "
					+ "ORDER BY line")
			.param("batch", batch)
			.query(ImportStore::row)
			.list();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
				(Integer) rs.getObject(14), rs.getString(15), rs.getString(16), (Integer) rs.getObject(17),
				rs.getInt(18), integers(rs.getArray(19)), (Integer) rs.getObject(20), (Integer) rs.getObject(21),
				(Integer) rs.getObject(22), rs.getObject(23, LocalDate.class));
	}

	private static List<Integer> integers(java.sql.Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Integer> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(((Number) value).intValue());
		}
		return List.copyOf(values);
	}

	/**
	 * Sets a row's decision if its version is one of {@code versions} (any when null).
	 * @return the row after the change, or empty when the version did not match
	 */
	Optional<Row> decide(int batch, int line, String decision, List<Integer> versions) {
		int changed = this.jdbc
			.sql("UPDATE import_rows SET decision = :decision, version = version + 1 WHERE batch_id = :batch "
					+ "AND line = :line" + ((versions == null) ? "" : " AND version = ANY(:versions)"))
			.param("decision", decision)
			.param("batch", batch)
			.param("line", line)
			.param("versions", EntrySql.integerArray((versions == null) ? List.of() : versions))
			.update();
		return (changed == 1) ? row(batch, line) : Optional.empty();
	}

	void setStatus(int batch, String status, int created) {
		String stamp = switch (status) {
			case "committed" -> ", committed_at = now()";
			case "reverted" -> ", reverted_at = now()";
			default -> "";
		};
		this.jdbc
			.sql("UPDATE import_batches SET status = :status, rows_created = :created, version = version + 1" + stamp
					+ " WHERE id = :batch")
			.param("status", status)
			.param("created", created)
			.param("batch", batch)
			.update();
	}

	void recordEntries(int batch, List<Integer> lines, String[] kinds, List<Integer> ids) {
		List<Object[]> arguments = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			arguments.add(new Object[] { kinds[i], ids.get(i), batch, lines.get(i) });
		}
		this.template.batchUpdate("UPDATE import_rows SET entry_kind = ?, entry_id = ? WHERE batch_id = ? AND line = ?",
				arguments);
	}

	void clearEntries(int batch) {
		this.jdbc.sql("UPDATE import_rows SET entry_kind = NULL, entry_id = NULL WHERE batch_id = :batch")
			.param("batch", batch)
			.update();
	}

	void deleteBatch(int batch) {
		this.jdbc.sql("DELETE FROM import_batches WHERE id = :batch").param("batch", batch).update();
	}

	/**
	 * The household's expenses and incomes dated in a range, for dedup and matching; an
	 * entry a committed import created is marked as imported. An entry posted by
	 * confirming a schedule's occurrence has the schedule's business or notes, so it is
	 * compared with the payee of the bank row that confirmed it: the same statement
	 * imported again finds it a duplicate.
	 */
	List<ImportDedup.Existing> existing(int household, LocalDate from, LocalDate to) {
		Map<String, Boolean> imported = new HashMap<>();
		Map<String, String> confirmedPayees = new HashMap<>();
		this.jdbc.sql("""
				SELECT r.entry_kind, r.entry_id, r.decision,
				    CASE WHEN r.kind = 'expense' THEN r.business ELSE r.notes END
				FROM import_rows r JOIN import_batches b ON b.id = r.batch_id
				WHERE b.household_id = :household AND b.status = 'committed' AND r.entry_id IS NOT NULL
				  AND r.date BETWEEN :from AND :to""")
			.param("household", household)
			.param("from", from)
			.param("to", to)
			.query((rs) -> {
				imported.put(rs.getString(1) + rs.getInt(2), true);
				if ("confirm".equals(rs.getString(3))) {
					confirmedPayees.put(rs.getString(1) + rs.getInt(2), rs.getString(4));
				}
			});
		List<ImportDedup.Existing> existing = new ArrayList<>();
		this.jdbc.sql("""
				SELECT 'expense', id, date, amount, currency, business FROM expenses
				WHERE household_id = :household AND date BETWEEN :from AND :to
				UNION ALL
				SELECT 'income', id, date, amount, currency, notes FROM incomes
				WHERE household_id = :household AND date BETWEEN :from AND :to
				ORDER BY 3, 2""").param("household", household).param("from", from).param("to", to).query((rs) -> {
			String kind = rs.getString(1);
			int id = rs.getInt(2);
			String currency = rs.getString(5);
			existing.add(new ImportDedup.Existing(kind, id, rs.getObject(3, LocalDate.class), rs.getBigDecimal(4).abs(),
					Currencies.code(currency).orElse(currency),
					confirmedPayees.getOrDefault(kind + id, rs.getString(6)), imported.containsKey(kind + id)));
		});
		return existing;
	}

	/** Bank ids of the rows committed imports created, among those asked for. */
	Map<String, ImportDedup.SeenBankId> seenBankIds(int household, List<String> bankIds) {
		Map<String, ImportDedup.SeenBankId> seen = new HashMap<>();
		if (bankIds.isEmpty()) {
			return seen;
		}
		this.jdbc.sql("""
				SELECT r.bank_id, r.batch_id, r.line FROM import_rows r JOIN import_batches b ON b.id = r.batch_id
				WHERE b.household_id = :household AND b.status = 'committed' AND r.entry_id IS NOT NULL
				  AND r.bank_id = ANY(:ids)""")
			.param("household", household)
			.param("ids", textArray(bankIds))
			.query((rs) -> {
				seen.putIfAbsent(rs.getString(1),
						new ImportDedup.SeenBankId(rs.getString(1), rs.getInt(2), rs.getInt(3)));
			});
		return seen;
	}

	private static SqlTypeValue textArray(List<String> texts) {
		String[] values = texts.toArray(String[]::new);
		return new AbstractSqlTypeValue() {
			@Override
			protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
					throws SQLException {
				return connection.createArrayOf("text", values);
			}
		};
	}

	/** A saved mapping. */
	record Profile(int id, String name, String headerSignature, String mapping, int version) {

	}

	/** Profiles a household may keep. */
	static final int MAX_PROFILES = 100;

	List<Profile> profiles(int household) {
		return this.jdbc
			.sql("SELECT id, name, header_signature, mapping::text, version FROM import_profiles "
					+ "WHERE household_id = :household ORDER BY name, id LIMIT " + MAX_PROFILES)
			.param("household", household)
			.query(ImportStore::profile)
			.list();
	}

	Optional<Profile> profile(int household, int id) {
		return this.jdbc
			.sql("SELECT id, name, header_signature, mapping::text, version FROM import_profiles "
					+ "WHERE household_id = :household AND id = :id")
			.param("household", household)
			.param("id", id)
			.query(ImportStore::profile)
			.optional();
	}

	private static Profile profile(ResultSet rs, int row) throws SQLException {
		return new Profile(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
	}

	/** Serialises a household's profile writes, so that the count limit holds. */
	void lockProfiles(int household) {
		this.jdbc.sql("SELECT id FROM households WHERE id = :household FOR UPDATE")
			.param("household", household)
			.query(Integer.class)
			.optional();
	}

	int countProfiles(int household) {
		return this.jdbc.sql("SELECT count(*) FROM import_profiles WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.single();
	}

	/** Inserts a profile; empty when the household has one of that name. */
	Optional<Integer> insertProfile(int household, String name, String signature, String mapping) {
		return this.jdbc.sql("""
				INSERT INTO import_profiles (household_id, name, header_signature, mapping)
				VALUES (:household, :name, :signature, CAST(:mapping AS jsonb))
				ON CONFLICT (household_id, name) DO NOTHING RETURNING id""")
			.param("household", household)
			.param("name", name)
			.param("signature", signature)
			.param("mapping", mapping)
			.query(Integer.class)
			.optional();
	}

	/** Replaces a profile if its version is one of {@code versions} (any when null). */
	boolean updateProfile(int household, int id, String name, String signature, String mapping,
			List<Integer> versions) {
		return this.jdbc
			.sql("UPDATE import_profiles SET name = :name, header_signature = :signature, "
					+ "mapping = CAST(:mapping AS jsonb), version = version + 1 WHERE household_id = :household "
					+ "AND id = :id" + ((versions == null) ? "" : " AND version = ANY(:versions)"))
			.param("name", name)
			.param("signature", signature)
			.param("mapping", mapping)
			.param("household", household)
			.param("id", id)
			.param("versions", EntrySql.integerArray((versions == null) ? List.of() : versions))
			.update() == 1;
	}

	boolean nameTaken(int household, String name, int exceptId) {
		return this.jdbc
			.sql("SELECT count(*) FROM import_profiles WHERE household_id = :household AND name = :name "
					+ "AND id <> :id")
			.param("household", household)
			.param("name", name)
			.param("id", exceptId)
			.query(Integer.class)
			.single() > 0;
	}

	boolean deleteProfile(int household, int id, List<Integer> versions) {
		return this.jdbc
			.sql("DELETE FROM import_profiles WHERE household_id = :household AND id = :id"
					+ ((versions == null) ? "" : " AND version = ANY(:versions)"))
			.param("household", household)
			.param("id", id)
			.param("versions", EntrySql.integerArray((versions == null) ? List.of() : versions))
			.update() == 1;
	}

}
