package dev.homebudget.schema;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * T23: Flyway safety as the app runs it. A failing migration changes nothing; two
 * instances starting together apply each migration once; and every schema version stays
 * usable by the release before it (N−1), with the data it held carried over unchanged.
 */
class FlywaySafetyTests {

	@TempDir
	Path temp;

	@Test
	void aFailingMigrationLeavesHistorySchemaAndDataAsTheyWere() throws IOException {
		String url = TestDatabase.jdbcUrl("t23_failing");
		JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource("t23_failing"));
		try (PhaseApplication app = start(url)) {
			HttpCalls http = new HttpCalls(app.port());
			assertThat(http.send("POST", "/api/v1/expense", expense("kept")).status()).isEqualTo(200);
		}
		List<Map<String, Object>> history = history(jdbc);
		Map<String, String> before = fingerprints(jdbc);
		Path broken = Files.createDirectory(this.temp.resolve("broken"));
		Files.writeString(broken.resolve("V" + nextVersion() + "__broken.sql"), """
				CREATE TABLE broken_new (id integer);
				ALTER TABLE expenses ADD COLUMN broken_column text;
				UPDATE expenses SET notes = 'changed by a broken migration';
				SELECT 1 / 0;
				""");

		assertThatThrownBy(() -> start(url, "spring.flyway.locations=classpath:db/migration,filesystem:" + broken))
			.hasStackTraceContaining("division by zero");

		assertThat(history(jdbc)).isEqualTo(history);
		assertThat(fingerprints(jdbc)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT to_regclass('broken_new') IS NULL").query(Boolean.class).single()).isTrue();
		assertThat(columns(jdbc).get("expenses")).doesNotContainKey("broken_column");
		try (PhaseApplication app = start(url)) {
			assertThat(new HttpCalls(app.port()).send("GET", "/api/v1/expense", null).body()).contains("kept");
		}
	}

	@Test
	void twoInstancesStartingTogetherApplyEachMigrationOnce() throws Exception {
		String url = TestDatabase.jdbcUrl("t23_concurrent");
		Path slow = Files.createDirectory(this.temp.resolve("slow"));
		Files.writeString(slow.resolve("V" + nextVersion() + "__slow.sql"), """
				SELECT pg_sleep(2);
				CREATE TABLE applied_marker (applied_at timestamptz NOT NULL DEFAULT now());
				INSERT INTO applied_marker DEFAULT VALUES;
				""");
		String locations = "spring.flyway.locations=classpath:db/migration,filesystem:" + slow;
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<PhaseApplication>> starts = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			starts.add(CompletableFuture.supplyAsync(() -> {
				await(together);
				return start(url, locations);
			}));
		}
		List<PhaseApplication> apps = new ArrayList<>();
		try {
			for (CompletableFuture<PhaseApplication> start : starts) {
				apps.add(start.get());
			}
			JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource("t23_concurrent"));
			List<Map<String, Object>> applications = jdbc
				.sql("SELECT version, count(*) AS times FROM flyway_schema_history "
						+ "WHERE success AND version IS NOT NULL GROUP BY version")
				.query()
				.listOfRows();
			assertThat(applications).hasSize(versions().size() + 1)
				.allSatisfy((row) -> assertThat(((Number) row.get("times")).intValue()).isEqualTo(1));
			assertThat(jdbc.sql("SELECT count(*) FROM applied_marker").query(Long.class).single()).isEqualTo(1);
			for (PhaseApplication app : apps) {
				assertThat(new HttpCalls(app.port()).send("GET", "/api/v1/health/ready", null).status()).isEqualTo(200);
				Flyway flyway = app.bean(Flyway.class);
				assertThat(flyway.getConfiguration().isCleanDisabled()).isTrue();
				assertThatThrownBy(flyway::clean).hasMessageContaining("clean");
			}
		}
		finally {
			apps.forEach(PhaseApplication::close);
		}
	}

	/**
	 * For every migration V<i>k</i>: what the release at V<i>k−1</i> relies on is still
	 * there at V<i>k</i> (no table or column dropped, renamed or retyped; a new column on
	 * an existing table is nullable or has a default, so the old release's inserts still
	 * work; no existing column became NOT NULL), and the rows it wrote are unchanged.
	 */
	@Test
	void everyMigrationKeepsThePreviousReleaseWorkingAndItsDataUnchanged() {
		List<MigrationVersion> versions = versions();
		for (int next = 1; next < versions.size(); next++) {
			MigrationVersion previous = versions.get(next - 1);
			MigrationVersion version = versions.get(next);
			String database = "t23_compat_" + version.getVersion().replace('.', '_');
			DataSource dataSource = TestDatabase.dataSource(database);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			migrate(dataSource, previous);
			writeAsThePreviousRelease(jdbc);
			Map<String, Map<String, Column>> older = columns(jdbc);
			Map<String, String> olderData = fingerprints(jdbc);

			migrate(dataSource, version);
			Map<String, Map<String, Column>> newer = columns(jdbc);
			String step = "V" + previous + " -> V" + version;
			older.forEach((table, columns) -> {
				assertThat(newer).as(step + ": table " + table).containsKey(table);
				columns.forEach((name, column) -> {
					Column now = newer.get(table).get(name);
					assertThat(now).as(step + ": " + table + "." + name).isNotNull();
					assertThat(now.type()).as(step + ": type of " + table + "." + name).isEqualTo(column.type());
					assertThat(now.nullable() || !column.nullable())
						.as(step + ": " + table + "." + name + " became NOT NULL")
						.isTrue();
				});
				newer.get(table)
					.forEach((name, column) -> assertThat(columns.containsKey(name) || column.optional())
						.as(step + ": new column " + table + "." + name + " must be nullable or have a default")
						.isTrue());
			});
			assertThat(fingerprints(jdbc, older)).as(step + ": rows written before").isEqualTo(olderData);
			writeAsThePreviousRelease(jdbc);
		}
	}

	/**
	 * The statements the original and the releases before row versions issue, naming only
	 * the columns of contract §5.
	 */
	private static void writeAsThePreviousRelease(JdbcClient jdbc) {
		int id = jdbc.sql("INSERT INTO expenses (date, business, category, amount, account, currency, notes) "
				+ "VALUES ('2025-03-01', 'Shufersal', 'Food', 123.45, 'Visa', '\u20aa', 'old release') RETURNING id")
			.query(Integer.class)
			.single();
		jdbc.sql("UPDATE expenses SET amount = 99.99, notes = 'edited by the old release' WHERE id = :id")
			.param("id", id)
			.update();
		jdbc.sql("INSERT INTO incomes (date, category, amount, account, currency, notes) "
				+ "VALUES ('2025-03-01', 'Salary', 15000.00, 'Bank', '\u20aa', NULL)")
			.update();
		int doomed = jdbc.sql(
				"INSERT INTO expenses (date, category, amount, account) VALUES ('2025-03-02', 'x', 1, 'a') RETURNING id")
			.query(Integer.class)
			.single();
		assertThat(jdbc.sql("DELETE FROM expenses WHERE id = :id").param("id", doomed).update()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT amount::text FROM expenses WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("99.99");
	}

	private static PhaseApplication start(String url, String... extra) {
		List<String> properties = new ArrayList<>(List.of(extra));
		properties.add("budget.backup.before-migrate=false");
		return PhaseApplication.start(StoragePhase.P3, url, Path.of("target", "test-json", "t23"), true,
				properties.toArray(String[]::new));
	}

	private static void migrate(DataSource dataSource, MigrationVersion version) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
	}

	/** The application's migration versions in order, as Flyway resolves them. */
	private static List<MigrationVersion> versions() {
		return Arrays
			.stream(Flyway.configure()
				.dataSource(TestDatabase.dataSource("t23_versions"))
				.locations("classpath:db/migration")
				.load()
				.info()
				.all())
			.map(MigrationInfo::getVersion)
			.filter(Objects::nonNull)
			.toList();
	}

	/** A version after every migration of the application. */
	private static String nextVersion() {
		List<MigrationVersion> versions = versions();
		return versions.get(versions.size() - 1).getMajor().add(BigInteger.ONE).toString();
	}

	private record Column(String type, boolean nullable, boolean optional) {

	}

	private static Map<String, Map<String, Column>> columns(JdbcClient jdbc) {
		Map<String, Map<String, Column>> tables = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT table_name, column_name, data_type, is_nullable = 'YES' AS nullable,
				       (is_nullable = 'YES' OR column_default IS NOT NULL OR is_identity = 'YES') AS optional
				FROM information_schema.columns
				WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
				ORDER BY table_name, ordinal_position
				""").query((row, number) -> {
			tables.computeIfAbsent(row.getString("table_name"), (name) -> new LinkedHashMap<>())
				.put(row.getString("column_name"),
						new Column(row.getString("data_type"), row.getBoolean("nullable"), row.getBoolean("optional")));
			return null;
		}).list();
		return tables;
	}

	private static Map<String, String> fingerprints(JdbcClient jdbc) {
		return fingerprints(jdbc, columns(jdbc));
	}

	/** Row count and a hash of the rows, over the given columns of each table. */
	private static Map<String, String> fingerprints(JdbcClient jdbc, Map<String, Map<String, Column>> tables) {
		Map<String, String> fingerprints = new LinkedHashMap<>();
		tables.forEach((table, columns) -> {
			String list = String.join(", ", columns.keySet().stream().map((name) -> "\"" + name + "\"").toList());
			fingerprints.put(table, jdbc
				.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '-') "
						+ "FROM (SELECT " + list + " FROM \"" + table + "\") r")
				.query(String.class)
				.single());
		});
		return fingerprints;
	}

	private static List<Map<String, Object>> history(JdbcClient jdbc) {
		return jdbc.sql("SELECT installed_rank, version, checksum, success FROM flyway_schema_history ORDER BY 1")
			.query()
			.listOfRows();
	}

	private static String expense(String notes) {
		return "{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":12.5,\"account\":\"Cash\",\"notes\":\""
				+ notes + "\"}";
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
