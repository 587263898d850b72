package dev.homebudget.ops;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each identity sequence would hand out an id above the table's max(id). A restore or a
 * hand-written insert with explicit ids can leave it behind, and then every create fails
 * with a duplicate key.
 */
@Component
@Order(3)
class SequencesReadinessCheck implements ReadinessCheck {

	static final List<String> TABLES = List.of("expenses", "incomes");

	// last_value is null for a sequence never used: its next value is then start_value.
	private static final String NEXT_AND_MAX = """
			SELECT COALESCE(s.last_value + s.increment_by, s.start_value) AS next_value,
			       (SELECT max(id)::bigint FROM %s) AS max_id
			FROM pg_sequences s
			WHERE format('%%I.%%I', s.schemaname, s.sequencename) = pg_get_serial_sequence(:table, 'id')
			""";

	private final JdbcClient jdbc;

	SequencesReadinessCheck(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public boolean cached() {
		return true;
	}

	@Override
	public String name() {
		return "sequences";
	}

	@Override
	public Result check() {
		List<String> behind = new ArrayList<>();
		for (String table : TABLES) {
			// The table name comes from the constant list above, never from a request.
			List<Long[]> rows = this.jdbc.sql(NEXT_AND_MAX.formatted(table))
				.param("table", table)
				.query((rs, n) -> new Long[] { rs.getLong("next_value"), (Long) rs.getObject("max_id", Long.class) })
				.list();
			if (rows.isEmpty()) {
				behind.add(table + " (no sequence)");
				continue;
			}
			Long[] row = rows.get(0);
			if (row[1] != null && row[0] <= row[1]) {
				behind.add(table);
			}
		}
		return behind.isEmpty() ? Result.ok() : Result.down("sequence behind max(id): " + String.join(", ", behind));
	}

}
