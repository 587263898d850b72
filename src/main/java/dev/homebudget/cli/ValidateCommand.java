package dev.homebudget.cli;

import java.util.concurrent.Callable;

import org.flywaydb.core.api.output.ValidateResult;
import picocli.CommandLine.Command;

/** Checks that the applied migrations match the scripts (names, order, checksums). */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check that applied migrations match the scripts (checksums, order); exit 1 if not.")
class ValidateCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			ValidateResult result = context.flyway().validateWithResult();
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
