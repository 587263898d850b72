package dev.homebudget.cli;

import java.util.concurrent.Callable;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import picocli.CommandLine.Command;

/** Checks that the applied migrations match the scripts (names, order, checksums). */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check that applied migrations match the scripts (checksums, order); exit 1 if not.")
class ValidateCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			// migrations not applied yet (a new database) are pending, not invalid
			ValidateResult result = Flyway.configure()
				.configuration(context.flyway().getConfiguration())
				.ignoreMigrationPatterns("*:pending")
				.load()
				.validateWithResult();
			if (result.validationSuccessful) {
				System.out.println("Schema history is valid (" + result.validateCount + " migration(s) checked).");
				return 0;
			}
			System.err.println("Schema history is NOT valid:");
			result.invalidMigrations.forEach((invalid) -> System.err
				.println("  " + invalid.version + " " + invalid.filepath + ": " + invalid.errorDetails.errorMessage));
			if (result.invalidMigrations.isEmpty() && result.errorDetails != null) {
				System.err.println("  " + result.errorDetails.errorMessage);
			}
			return 1;
		}
	}

}
