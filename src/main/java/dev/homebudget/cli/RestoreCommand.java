package dev.homebudget.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.homebudget.backup.BackupException;
import dev.homebudget.backup.RestoreReport;
import dev.homebudget.backup.RestoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Restores a backup archive into an empty database, all or nothing. */
@Command(name = "restore", mixinStandardHelpOptions = true,
		description = { "Restore a backup archive into an EMPTY database, all or nothing: migrate it to the "
				+ "archive's schema version, load every table in one transaction, and commit only if the archive's "
				+ "SHA-256 and every table's fingerprint match and the identity sequences are ahead of max(id)." })
class RestoreCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "ARCHIVE", description = "the .tar written by ./hbw backup")
	Path archive;

	@Option(names = "--skip-checksum",
			description = "Restore even without the <archive>.sha256 file (a checksum that differs still stops it)")
	boolean skipChecksum;

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			RestoreReport report = context.bean(RestoreService.class).restore(this.archive, this.skipChecksum);
			report.lines().forEach(report.ok() ? System.out::println : System.err::println);
			return report.ok() ? 0 : 1;
		}
		catch (BackupException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
	}

}
