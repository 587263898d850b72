package dev.homebudget.cli;

import java.util.concurrent.Callable;

import dev.homebudget.backup.BackupException;
import dev.homebudget.schema.SchemaDowngrade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Undoes the newest applied migration through its undo script. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = {
				"Undo the newest applied migration (one step) with its undo script "
						+ "db/undo/U<version>__<description>.sql, and remove it from the history, in one transaction.",
				"Refuses when the undo would drop tables or columns holding data, unless --force.",
				"The app of the same version migrates the schema up again at startup: run the previous version." })
class DowngradeCommand implements Callable<Integer> {

	@Option(names = "--force", description = "Undo even if that drops data (a backup is taken first)")
	boolean force;

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			SchemaDowngrade.Result result = context.bean(SchemaDowngrade.class).downgrade(this.force);
			if (result.downgraded()) {
				if (result.backup() != null) {
					System.out.println("Backed up the data first: " + result.backup());
				}
				if (!result.dataLoss().isEmpty()) {
					System.out.println("Dropped: " + String.join(", ", result.dataLoss()));
				}
				System.out.println(result.message() + ".");
				return 0;
			}
			System.err.println(result.message() + ".");
			return 1;
		}
		catch (BackupException ex) {
			System.err.println("Nothing was downgraded: " + ex.getMessage());
			return 1;
		}
	}

}
