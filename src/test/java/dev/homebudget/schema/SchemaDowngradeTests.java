package dev.homebudget.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration on the class path can be undone: upgrade → downgrade → upgrade, one
 * migration at a time on a real PostgreSQL, with the schema after each downgrade equal to
 * the schema before that migration, and after the new upgrade equal to the first. A
 * migration added without its undo script fails here.
 */
class SchemaDowngradeTests {

	private static Flyway flyway(DataSource dataSource, String... locations) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations((locations.length > 0) ? locations : new String[] { "classpath:db/migration" })
			.load();
	}

	private static void migrateTo(DataSource dataSource, MigrationVersion version, String... locations) {
		Flyway.configure()
			.configuration(flyway(dataSource, locations).getConfiguration())
			.target(version)
			.load()
			.migrate();
	}

	@Test
	void shouldUndoEveryMigrationBackToTheSchemaBeforeIt() throws Exception {
		DataSource dataSource = MigratedDatabase.dataSource("downgrade_round_trip");
		Flyway flyway = flyway(dataSource);
		List<MigrationVersion> versions = Arrays.stream(flyway.info().all())
			.map(MigrationInfo::getVersion)
			.filter(Objects::nonNull)
			.sorted()
			.toList();
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
		assertThat(versions).as("every script on the class path is a migration").hasSize(scripts.length);
		SchemaDowngrade downgrade = new SchemaDowngrade(flyway, SchemaDowngrade.UNDO_LOCATION, null);
		for (MigrationVersion version : versions) {
			List<String> before = SchemaDump.of(dataSource);
			migrateTo(dataSource, version);
			List<String> upgraded = SchemaDump.of(dataSource);
			assertThat(flyway.info().current().getVersion()).isEqualTo(version);

			SchemaDowngrade.Result result = downgrade.downgrade(false);
			assertThat(result.status()).as(result.message()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED);
			assertThat(result.fromVersion()).isEqualTo(version.getVersion());
			assertThat(SchemaDump.of(dataSource)).as("schema after undoing version " + version)
				.containsExactlyElementsOf(before);
			MigrationInfo current = flyway.info().current();
			assertThat((current != null) ? current.getVersion().getVersion() : null).isEqualTo(result.toVersion());

			migrateTo(dataSource, version);
			assertThat(SchemaDump.of(dataSource)).as("schema after applying version " + version + " again")
				.containsExactlyElementsOf(upgraded);
		}
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
	}

	@Test
	void shouldHaveAnUndoScriptNamedAfterEveryMigration() throws Exception {
		var resolver = new PathMatchingResourcePatternResolver();
		for (Resource script : resolver.getResources("classpath:db/migration/V*.sql")) {
			String undo = SchemaDowngrade.undoScriptName(script.getFilename());
			assertThat(resolver.getResource(SchemaDowngrade.UNDO_LOCATION + undo).exists())
				.as("db/undo/" + undo + " for " + script.getFilename())
				.isTrue();
		}
		assertThat(SchemaDowngrade.undoScriptName("V12__add_x.sql")).isEqualTo("U12__add_x.sql");
	}

	@Test
	void shouldRefuseToDropDataUnlessForced() {
		DataSource dataSource = MigratedDatabase.dataSource("downgrade_data_loss");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		migrateTo(dataSource, MigrationVersion.fromVersion("4"));
		SchemaDowngrade downgrade = new SchemaDowngrade(flyway(dataSource), SchemaDowngrade.UNDO_LOCATION, null);
		jdbc.sql("INSERT INTO expenses (date, category, amount, account) VALUES ('2025-01-01', 'c', 1, 'a')").update();

		// Every version is still the default 0: dropping the column loses nothing.
		SchemaDowngrade.Result undoVersions = downgrade.downgrade(false);
		assertThat(undoVersions.status()).as(undoVersions.message()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED);
		assertThat(undoVersions.dataLoss()).isEmpty();
		migrateTo(dataSource, MigrationVersion.fromVersion("4"));
		jdbc.sql("UPDATE expenses SET version = 3").update();
		SchemaDowngrade.Result refused = downgrade.downgrade(false);
		assertThat(refused.status()).isEqualTo(SchemaDowngrade.Status.WOULD_DESTROY_DATA);
		assertThat(refused.message()).contains("column expenses.version (1 rows with a value other than its default 0)")
			.contains("--force");
		assertThat(flyway(dataSource).info().current().getVersion().getVersion()).isEqualTo("4");
		assertThat(jdbc.sql("SELECT version FROM expenses").query(Integer.class).single()).isEqualTo(3);

		assertThat(downgrade.downgrade(true).status()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED);
		assertThat(downgrade.downgrade(false).status()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED); // V3
		assertThat(downgrade.downgrade(false).status()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED); // V2
		SchemaDowngrade.Result tables = downgrade.downgrade(false);
		assertThat(tables.status()).isEqualTo(SchemaDowngrade.Status.WOULD_DESTROY_DATA);
		assertThat(tables.dataLoss()).containsExactly("table expenses (1 rows)");
		SchemaDowngrade.Result forced = downgrade.downgrade(true);
		assertThat(forced.status()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED);
		assertThat(forced.toVersion()).isNull();
		assertThat(forced.dataLoss()).containsExactly("table expenses (1 rows)");
		assertThat(downgrade.downgrade(false).status()).isEqualTo(SchemaDowngrade.Status.NOTHING_APPLIED);
	}

	@Test
	void shouldRefuseAMigrationWithoutUndoScriptAndRollBackAFailingOne(@TempDir Path extra) throws Exception {
		DataSource dataSource = MigratedDatabase.dataSource("downgrade_without_undo");
		Files.writeString(extra.resolve("V900__add_notes_table.sql"), "CREATE TABLE notes (id integer);");
		String[] locations = { "classpath:db/migration", "filesystem:" + extra };
		Flyway flyway = flyway(dataSource, locations);
		flyway.migrate();
		SchemaDowngrade downgrade = new SchemaDowngrade(flyway, "file:" + extra + "/", null);
		SchemaDowngrade.Result missing = downgrade.downgrade(true);
		assertThat(missing.status()).isEqualTo(SchemaDowngrade.Status.NO_UNDO_SCRIPT);
		assertThat(missing.message()).contains("U900__add_notes_table.sql").contains("nothing was changed");

		Files.writeString(extra.resolve("U900__add_notes_table.sql"), "DROP TABLE notes; DROP TABLE no_such_table;");
		List<String> before = SchemaDump.of(dataSource);
		SchemaDowngrade.Result failing = downgrade.downgrade(true);
		assertThat(failing.status()).isEqualTo(SchemaDowngrade.Status.SCRIPT_FAILED);
		assertThat(failing.message()).contains("42P01");
		assertThat(SchemaDump.of(dataSource)).containsExactlyElementsOf(before);
		assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("900");
	}

}
