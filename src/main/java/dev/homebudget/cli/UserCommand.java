package dev.homebudget.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import dev.homebudget.auth.AccountException;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.auth.UserAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Accounts for sign-in mode. Passwords never come from the command line (where other
 * users and the shell history could see them): from the terminal, asked twice, or else
 * from the first line of standard input.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
		description = { "Accounts for sign-in mode (BUDGET_AUTH=sign-in): add NAME | passwd NAME | list.",
				"The password is asked on the terminal (twice), or read from the first line of standard input",
				"when it is not a terminal, e.g. ./hbw user add dana < password-file. Never from arguments." })
class UserCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", defaultValue = "list", description = "list, add or passwd")
	String action;

	@Parameters(index = "1", arity = "0..1", description = "username (add, passwd)")
	String name;

	@Option(names = "--keep-tokens",
			description = "passwd: keep the account's API tokens (by default they are all revoked)")
	boolean keepTokens;

	@Override
	public Integer call() throws IOException {
		switch (this.action) {
			case "list" -> {
				try (CommandContext context = CommandContext.start()) {
					context.migrate();
					var accounts = context.bean(UserAccounts.class).list();
					if (accounts.isEmpty()) {
						System.out.println("No accounts yet. Add the first one with ./hbw user add NAME.");
					}
					for (UserAccount account : accounts) {
						System.out.printf("%-6d %-32s %s%n", account.id(), account.username(), account.createdAt());
					}
					return 0;
				}
			}
			case "add", "passwd" -> {
				if (this.name == null) {
					System.err.println("Name the account: ./hbw user " + this.action + " NAME");
					return CommandSupport.FAILED;
				}
				char[] password = readPassword();
				if (password == null) {
					return CommandSupport.FAILED;
				}
				try (CommandContext context = CommandContext.start()) {
					// the first account is often the first command on a new install
					context.migrate();
					UserAccounts accounts = context.bean(UserAccounts.class);
					if (this.action.equals("add")) {
						UserAccount account = accounts.add(this.name, java.nio.CharBuffer.wrap(password));
						System.out.println("Added account '" + account.username() + "' (id " + account.id() + ").");
					}
					else {
						int revoked = accounts.setPassword(this.name, java.nio.CharBuffer.wrap(password),
								!this.keepTokens);
						System.out.println("Changed the password of '" + this.name + "'" + (this.keepTokens
								? "; its API tokens were kept." : " and revoked its API tokens (" + revoked + ")."));
					}
					return 0;
				}
				catch (AccountException ex) {
					System.err.println(ex.getMessage());
					return CommandSupport.FAILED;
				}
				finally {
					Arrays.fill(password, '\0');
				}
			}
			default -> {
				System.err.println("Unknown action '" + this.action + "': use list, add or passwd");
				return CommandSupport.FAILED;
			}
		}
	}

	private char[] readPassword() throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("Password for %s: ", this.name);
			char[] second = console.readPassword("Repeat the password: ");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				System.err.println("The two passwords differ; nothing was changed.");
				return null;
			}
			Arrays.fill(second, '\0');
			return first;
		}
		String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		if (line == null || line.isEmpty()) {
			System.err.println("No password on standard input; nothing was changed.");
			return null;
		}
		return line.toCharArray();
	}

}
