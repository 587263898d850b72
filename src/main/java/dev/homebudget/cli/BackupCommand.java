package dev.homebudget.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.homebudget.backup.BackupException;
import dev.homebudget.backup.BackupResult;
import dev.homebudget.backup.BackupService;
import dev.homebudget.backup.RestoreReport;
import dev.homebudget.backup.RestoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a backup archive, applies the retention, and with {@code --verify} restores it
 * into a scratch database to compare its fingerprints.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
		description = { "Back up every table into one archive (home-budget-<UTC time>.tar) with a manifest of "
				+ "fingerprints, and its SHA-256 beside it (.sha256); then delete old archives by the retention.",
				"--verify: also restore the new archive into a scratch database and compare; "
						+ "--verify ARCHIVE: only verify that archive (no new backup)." })
class BackupCommand implements Callable<Integer> {

	@Option(names = "--output", paramLabel = "DIR",
			description = "Directory for the archive (default: budget.backup.directory, or ./data/backups)")
	Path output;

	@Option(names = "--keep-daily", paramLabel = "N",
			description = "Keep the newest archive of each of the last N days (default: budget.backup.keep-daily)")
	Integer keepDaily;

	@Option(names = "--keep-weekly", paramLabel = "M",
			description = "... and of each of the last M ISO weeks (default: budget.backup.keep-weekly; both 0: keep all)")
	Integer keepWeekly;

	@Option(names = "--verify", arity = "0..1", fallbackValue = "", paramLabel = "ARCHIVE",
			description = "Restore into a scratch database and compare fingerprints")
	String verify;

	@Override
	public Integer call() {
		if ((this.keepDaily != null && this.keepDaily < 0) || (this.keepWeekly != null && this.keepWeekly < 0)) {
			System.err.println("--keep-daily and --keep-weekly must not be negative");
			return 2;
		}
		try (CommandContext context = CommandContext.start()) {
			return run(context);
		}
		catch (BackupException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
	}

	private int run(CommandContext context) {
		BackupService backups = context.bean(BackupService.class);
		Path archive;
		if (this.verify != null && !this.verify.isEmpty()) {
			archive = Path.of(this.verify);
		}
		else {
			Path directory = (this.output != null) ? this.output : backups.defaultDirectory();
			BackupResult result = backups.backup(directory, null);
			System.out.println("Backup written: " + result.archive());
			System.out.println("  " + result.tables() + " tables, " + result.rows() + " rows, schema version "
					+ result.schemaVersion() + ", " + result.bytes() + " bytes in " + result.took().toMillis() + " ms");
			System.out.println("  SHA-256 " + result.sha256() + " (in " + result.archive().getFileName() + ".sha256)");
			List<Path> deleted = backups.prune(directory,
					(this.keepDaily != null) ? this.keepDaily : backups.properties().keepDaily(),
					(this.keepWeekly != null) ? this.keepWeekly : backups.properties().keepWeekly());
			deleted.forEach((old) -> System.out.println("Deleted old backup " + old));
			archive = result.archive();
		}
		if (this.verify == null) {
			return 0;
		}
		RestoreReport report = context.bean(RestoreService.class).verify(archive);
		System.out.println("Verification in a scratch database:");
		report.lines().forEach(System.out::println);
		return report.ok() ? 0 : 1;
	}

}
