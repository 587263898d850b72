package dev.homebudget.schema;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import javax.sql.DataSource;

import dev.homebudget.backup.BackupProperties;
import dev.homebudget.backup.BackupService;
import dev.homebudget.database.DatabaseProperties;
import dev.homebudget.support.MigratedDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup before migrating a database that holds data. */
class MigrationRunnerTests {

	@TempDir
	Path backups;

	private static Flyway flyway(DataSource dataSource, String target) {
		var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		return ((target != null) ? configuration.target(target) : configuration).load();
	}

	private MigrationRunner runner(DataSource dataSource, boolean beforeMigrate) {
		return new MigrationRunner(new BackupService(dataSource, flyway(dataSource, null),
				new BackupProperties(this.backups, 7, 4, null, beforeMigrate), new DatabaseProperties("unused", 5,
						new DatabaseProperties.Embedded(this.backups, 0, "nobody", "budget"), Duration.ofSeconds(3))));
	}

	private static String newest(Flyway flyway) {
		return Arrays.stream(flyway.info().all())
			.map(MigrationInfo::getVersion)
			.filter(Objects::nonNull)
			.max(MigrationVersion::compareTo)
			.orElseThrow()
			.getVersion();
	}

	@Test
	void shouldBackUpADatabaseWithDataBeforeMigratingIt() {
		DataSource dataSource = MigratedDatabase.dataSource("runner_with_data");
		flyway(dataSource, "3").migrate();
		JdbcClient.create(dataSource)
			.sql("INSERT INTO expenses (date, category, amount, account) VALUES ('2025-01-01', 'c', 1.50, 'a')")
			.update();
		Flyway flyway = flyway(dataSource, null);
		MigrationRunner.Outcome outcome = runner(dataSource, true).migrate(flyway);
		assertThat(outcome.backup()).isNotNull();
		assertThat(outcome.backup().getFileName().toString()).endsWith("-before-v" + newest(flyway) + ".tar");
		assertThat(outcome.backup().getParent()).isEqualTo(this.backups);
		assertThat(outcome.version()).isEqualTo(newest(flyway));
		assertThat(outcome.applied()).isEqualTo(flyway.info().applied().length - 3);
		assertThat(flyway.info().pending()).isEmpty();
	}

	@Test
	void shouldBackUpBesideTheDataDirectoryByDefault() {
		DataSource dataSource = MigratedDatabase.dataSource("runner_with_data");
		BackupService service = new BackupService(dataSource, flyway(dataSource, null),
				new BackupProperties(Path.of(" "), 7, 4, " ", true),
				new DatabaseProperties("unused", 5,
						new DatabaseProperties.Embedded(this.backups.resolve("data/postgres"), 0, "nobody", "budget"),
						Duration.ofSeconds(3)));
		assertThat(service.defaultDirectory()).isEqualTo(this.backups.resolve("data/backups"));
		assertThat(service.properties().schedule()).isNull();
	}

	@Test
	void shouldNotBackUpAnEmptyDatabaseOrWhenTurnedOff() {
		DataSource empty = MigratedDatabase.dataSource("runner_empty");
		MigrationRunner.Outcome outcome = runner(empty, true).migrate(flyway(empty, null));
		assertThat(outcome.backup()).isNull();
		assertThat(outcome.applied()).isPositive();
		assertThat(runner(empty, true).migrate(flyway(empty, null)).applied()).isZero();

		DataSource off = MigratedDatabase.dataSource("runner_off");
		flyway(off, "1").migrate();
		JdbcClient.create(off)
			.sql("INSERT INTO incomes (date, category, amount, account) VALUES ('2025-01-01', 'c', 1.50, 'a')")
			.update();
		assertThat(runner(off, false).migrate(flyway(off, null)).backup()).isNull();
	}

}
