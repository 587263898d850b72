package dev.homebudget.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.homebudget.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./hbw backup}, {@code restore} and {@code downgrade}, run in-process as an
 * operator would: back up, verify, prune, restore into an empty database, step the schema
 * back and forward again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupCommandsTests {

	private static final String SOURCE = "cli_backup_source";

	private static final String TARGET = "cli_backup_target";

	@TempDir
	static Path directory;

	private static Path archive;

	@BeforeAll
	static void pointAtTestDatabase() {
		use(SOURCE);
		System.setProperty("budget.backup.directory", directory.resolve("default").toString());
	}

	@AfterAll
	static void restore() {
		System.clearProperty("budget.database.url");
		System.clearProperty("budget.backup.directory");
	}

	private static void use(String database) {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(database));
	}

	private static long archives(Path in) throws Exception {
		try (Stream<Path> files = Files.list(in)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".tar")).count();
		}
	}

	private static long count(String database, String table) {
		return JdbcClient.create(TestDatabase.dataSource(database))
			.sql("SELECT count(*) FROM " + table)
			.query(Long.class)
			.single();
	}

	private static int newestVersion() throws Exception {
		return versions().last();
	}

	/**
	 * The versions of the scripts: the highest is not their number, as a branch may leave
	 * a gap in the numbering.
	 */
	private static java.util.TreeSet<Integer> versions() throws Exception {
		java.util.TreeSet<Integer> versions = new java.util.TreeSet<>();
		for (var script : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql")) {
			String name = script.getFilename();
			versions.add(Integer.parseInt(name.substring(1, name.indexOf("__"))));
		}
		return versions;
	}

	@Test
	@Order(1)
	void shouldWriteABackupAndItsChecksum() throws Exception {
		assertThat(run("migrate").status()).isZero();
		assertThat(run("seed-smoke").status()).isZero();
		Path out = directory.resolve("out");
		CliRun backup = run("backup", "--output", out.toString());
		assertThat(backup.status()).as(backup.err()).isZero();
		assertThat(backup.out()).contains("Backup written: " + out)
			.contains("rows, schema version " + newestVersion())
			.contains("SHA-256 ");
		try (Stream<Path> files = Files.list(out)) {
			archive = files.filter((file) -> file.getFileName().toString().endsWith(".tar")).findFirst().orElseThrow();
		}
		assertThat(archive.resolveSibling(archive.getFileName() + ".sha256")).exists();
	}

	@Test
	@Order(2)
	void shouldVerifyANewBackupOrAGivenArchive() throws Exception {
		CliRun fresh = run("backup", "--verify");
		assertThat(fresh.status()).as(fresh.out() + fresh.err()).isZero();
		assertThat(fresh.out()).contains("Backup written: " + directory.resolve("default"))
			.contains("Verification in a scratch database:")
			.contains("expenses             rows 3  fingerprint ok")
			.contains("OK: restored and committed");
		long before = archives(directory.resolve("out"));
		CliRun given = run("backup", "--verify", archive.toString());
		assertThat(given.status()).as(given.out() + given.err()).isZero();
		assertThat(given.out()).doesNotContain("Backup written")
			.contains("incomes              rows 2  fingerprint ok");
		assertThat(archives(directory.resolve("out"))).isEqualTo(before);
	}

	@Test
	@Order(3)
	void shouldPruneByTheRetentionGiven() throws Exception {
		Path out = Files.createDirectories(directory.resolve("pruned"));
		Path old = out.resolve("home-budget-20200101T000000Z.tar");
		Files.writeString(old, "old");
		Files.writeString(out.resolve("home-budget-20200102T000000Z.tar"), "older than a day, newest of its week");
		CliRun pruned = run("backup", "--output", out.toString(), "--keep-daily", "1", "--keep-weekly", "2");
		assertThat(pruned.status()).isZero();
		assertThat(pruned.out()).contains("Deleted old backup " + old);
		assertThat(old).doesNotExist();
		assertThat(archives(out)).isEqualTo(2);
		assertThat(run("backup", "--keep-daily", "-1").status()).isEqualTo(2);
		Path file = Files.writeString(directory.resolve("a-file"), "x");
		CliRun failed = run("backup", "--output", file.resolve("below").toString());
		assertThat(failed.status()).isEqualTo(1);
		assertThat(failed.err()).contains("The backup failed writing to");
	}

	@Test
	@Order(4)
	void shouldRestoreOnlyIntoAnEmptyDatabase() {
		CliRun refused = run("restore", archive.toString());
		assertThat(refused.status()).isEqualTo(1);
		assertThat(refused.err()).contains("REFUSED: the database is not empty: ").contains("expenses (3 rows)");
		assertThat(run("restore", directory.resolve("none.tar").toString()).err()).contains("there is no file");

		use(TARGET);
		CliRun restored = run("restore", archive.toString());
		assertThat(restored.status()).as(restored.err()).isZero();
		assertThat(restored.out()).contains("OK: restored and committed");
		assertThat(count(TARGET, "expenses")).isEqualTo(3);
		assertThat(count(TARGET, "incomes")).isEqualTo(2);
	}

	@Test
	@Order(5)
	void shouldStepTheSchemaBackAndMigrateWithABackupFirst() throws Exception {
		int newest = newestVersion();
		int previous = versions().lower(newest);
		// forced: the newest undo (V18's) drops the history of the rows written above
		CliRun downgrade = run("downgrade", "--force");
		assertThat(downgrade.status()).as(downgrade.err()).isZero();
		assertThat(downgrade.out()).contains("Downgraded from version " + newest + " to version " + previous);
		assertThat(run("status").out()).contains("Schema version: " + previous).contains("Pending migrations: 1");
		CliRun migrate = run("migrate");
		assertThat(migrate.status()).as(migrate.err()).isZero();
		assertThat(migrate.out()).contains("Backed up the data first: " + directory.resolve("default"))
			.contains("-before-v" + newest + ".tar")
			.contains("schema version is now " + newest);
		assertThat(count(TARGET, "expenses")).isEqualTo(3);
		assertThat(run("downgrade", "--help").out()).contains("--force");
	}

}
