package dev.homebudget.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the command line and what it printed. Runs are serialised: they
 * swap the JVM's standard streams.
 *
 * @param status the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliRun(int status, String out, String err) {

	static CliRun run(String... args) {
		return runWithInput("", args);
	}

	/** A run that reads {@code stdin} as its standard input (a password, say). */
	static synchronized CliRun runWithInput(String stdin, String... args) {
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		InputStream originalIn = System.in;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		try {
			int status = HomeBudgetCli.execute(args);
			return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
			System.setIn(originalIn);
		}
	}

}
