package dev.homebudget.cli;

import java.util.Arrays;

import dev.homebudget.database.WriteOrigin;
import dev.homebudget.web.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of every command. Without a command, or with only Spring-style
 * {@code --name=value} options, the web app starts, so {@code java -jar} and
 * {@code ./mvnw spring-boot:run} behave as before.
 */
@Command(name = "hbw", mixinStandardHelpOptions = true, version = "Home Budget Web 1.0",
		description = "Home Budget Web: a self-hosted household budget tracker.",
		subcommands = { ServeCommand.class, MigrateCommand.class, StatusCommand.class, HistoryCommand.class,
				ValidateCommand.class, DowngradeCommand.class, BackupCommand.class, RestoreCommand.class,
				SeedSmokeCommand.class, SeedTestDataCommand.class, FlagsCommand.class, RepairCommand.class,
				ImportJsonCommand.class, ReconcileCommand.class, ExportJsonCommand.class, UserCommand.class,
				VerifySummaryCommand.class },
		footer = { "", "Database selection for every command: DATABASE_URL, or the embedded server in BUDGET_DATA_DIR.",
				"Commands other than serve need the data directory to themselves: stop the app first." })
public final class HomeBudgetCli implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(HomeBudgetCli.class);

	private static final WriteOrigin.Origin COMMAND_LINE = new WriteOrigin.Origin("cli", null, null);

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

	/**
	 * Whether these arguments start the web app (which keeps running after main returns).
	 */
	public static boolean servesWeb(String[] args) {
		if (args.length == 0) {
			return true;
		}
		if (args[0].equals("serve")) {
			return !Arrays.asList(args).contains("--help") && !Arrays.asList(args).contains("-h");
		}
		return args[0].startsWith("--") && !args[0].equals("--help") && !args[0].equals("--version");
	}

	/** Runs a command and returns its exit code. */
	public static int execute(String[] args) {
		if (servesWeb(args) && !(args.length > 0 && args[0].equals("serve"))) {
			ServeCommand.start(args);
			return 0;
		}
		CommandLine line = new CommandLine(new HomeBudgetCli()).setCaseInsensitiveEnumValuesAllowed(true)
			.setExecutionExceptionHandler(HomeBudgetCli::failed);
		if (servesWeb(args)) {
			return line.execute(args);
		}
		// what a command writes is the command line's in the history of changes
		return WriteOrigin.as(COMMAND_LINE, () -> line.execute(args));
	}

	/**
	 * A failure no command handled itself: one sentence for the operator, the trace in
	 * the debug log ({@code --logging.level.dev.homebudget=debug}), and exit code 2.
	 */
	private static int failed(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
		String what = DatabaseFailures.isUnavailable(failure) ? "cannot reach the database" : "failed";
		command.getErr().println(command.getCommandName() + " " + what + ": " + CommandSupport.rootMessage(failure));
		logger.debug("{} failed", command.getCommandName(), failure);
		return CommandSupport.FAILED;
	}

}
