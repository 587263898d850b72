package dev.homebudget.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

import dev.homebudget.config.StorageProperties;
import dev.homebudget.transition.JsonStoreException;
import dev.homebudget.transition.transfer.Fingerprint;
import dev.homebudget.transition.transfer.TransferException;
import dev.homebudget.web.DatabaseFailures;

import org.springframework.dao.DataAccessException;

/**
 * What the commands share: their exit codes, the database context of the JSON transfer
 * tools, the JSON directory, and how fingerprints are printed.
 */
final class CommandSupport {

	/** The command did its job and the two stores agree. */
	static final int OK = 0;

	/**
	 * The command ran to its end, but the stores do not agree (the output says where).
	 */
	static final int ATTENTION = 1;

	/** The command could not run: bad options, unreadable file, database unreachable. */
	static final int FAILED = 2;

	/**
	 * The tools read and write the JSON files and the tables themselves. The app's own
	 * storage must stay out of their way whatever phase the environment names: in a JSON
	 * phase it would take the JSON directory for this very process. So their context runs
	 * as PostgreSQL only; these arguments win over the {@code FF_} variables.
	 */
	static final String[] DATABASE_ONLY = { "--FF_USE_DATABASE_STORAGE=true", "--FF_DUAL_WRITE_ENABLED=false",
			"--budget.storage.primary=postgres", "--budget.storage.dual-write=false" };

	private CommandSupport() {
	}

	/**
	 * Runs the body with the app's database, mapping the failures an operator can act on
	 * to a message and {@link #FAILED}.
	 */
	static int withDatabase(ToIntFunction<CommandContext> body) {
		CommandContext context;
		try {
			context = CommandContext.start(DATABASE_ONLY);
		}
		catch (RuntimeException ex) {
			System.err.println("Cannot open the database: " + rootMessage(ex));
			return FAILED;
		}
		try (context) {
			return body.applyAsInt(context);
		}
		catch (JsonStoreException | TransferException ex) {
			System.err.println(ex.getMessage());
			return FAILED;
		}
		catch (RuntimeException ex) {
			// the pool connects lazily, so an unreachable server shows up at first use
			if (DatabaseFailures.isUnavailable(ex)) {
				System.err.println("Cannot open the database: " + rootMessage(ex));
				return FAILED;
			}
			if (ex instanceof DataAccessException) {
				System.err.println("The database refused: " + rootMessage(ex));
				return FAILED;
			}
			throw ex;
		}
	}

	/** The schema must be current for a command that only reads. */
	static boolean schemaCurrent(CommandContext context) {
		int pending = context.flyway().info().pending().length;
		if (pending > 0) {
			System.err.println("The database schema is not up to date (" + pending
					+ " pending migration(s)); run ./hbw migrate first.");
		}
		return pending == 0;
	}

	static Path jsonDirectory(CommandContext context, Path option) {
		return (option != null) ? option : context.bean(StorageProperties.class).jsonDirectory();
	}

	static void printFingerprints(PrintStream out, String table, String jsonLabel, Fingerprint json,
			String databaseLabel, Fingerprint database) {
		String verdict = json.equals(database) ? "equal" : "DIFFERENT";
		out.printf("Fingerprint %-8s %-9s %s%n", table, jsonLabel, json);
		out.printf("Fingerprint %-8s %-9s %s (%s)%n", table, databaseLabel, database, verdict);
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
