package dev.homebudget.cli;

import java.util.concurrent.Callable;

import dev.homebudget.featureflag.FeatureFlag;
import dev.homebudget.featureflag.FeatureFlags;
import dev.homebudget.featureflag.FlagValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists feature flags, and sets or clears their database rows. */
@Command(name = "flags", mixinStandardHelpOptions = true,
		description = { "Feature flags: list (default) | set NAME on|off | clear NAME.",
				"An FF_<NAME> environment variable overrides the database; names are case-insensitive." })
class FlagsCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", defaultValue = "list", description = "list, set or clear")
	String action;

	@Parameters(index = "1", arity = "0..1", description = "flag name")
	String name;

	@Parameters(index = "2", arity = "0..1", description = "on/off (true/false, 1/0, yes/no) for set")
	String value;

	@Option(names = "--user", description = "a user's row instead of the global row")
	Integer user;

	@Override
	public Integer call() {
		if (!this.action.equals("list") && this.name == null) {
			System.err.println("Name the flag: one of " + java.util.Arrays.toString(FeatureFlag.values()));
			return 2;
		}
		try (CommandContext context = CommandContext.start()) {
			context.migrate();
			FeatureFlags flags = context.bean(FeatureFlags.class);
			switch (this.action) {
				case "list" -> {
					for (FlagValue flag : flags.all(this.user)) {
						System.out.printf("%-26s %-5s %-16s %s%n", flag.name(), flag.enabled() ? "on" : "off",
								flag.source(), flag.description());
					}
					return 0;
				}
				case "set", "clear" -> {
					FeatureFlag flag = FeatureFlag.byName(this.name).orElse(null);
					if (flag == null) {
						System.err.println("Unknown flag '" + this.name + "'; known: "
								+ java.util.Arrays.toString(FeatureFlag.values()));
						return 2;
					}
					if (this.action.equals("clear")) {
						System.out.println(flags.clear(flag, this.user) ? "Cleared " + flag.name()
								: "No database row for " + flag.name());
						return 0;
					}
					Boolean enabled = parse(this.value);
					if (enabled == null) {
						System.err.println("Give on or off for " + flag.name());
						return 2;
					}
					flags.set(flag, enabled, this.user);
					System.out.println(flag.name() + " is now " + (enabled ? "on" : "off") + " in the database"
							+ ((this.user != null) ? " for user " + this.user : "") + ".");
					return 0;
				}
				default -> {
					System.err.println("Unknown action '" + this.action + "': use list, set or clear");
					return 2;
				}
			}
		}
	}

	private static Boolean parse(String value) {
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(java.util.Locale.ROOT)) {
			case "on", "true", "1", "yes" -> true;
			case "off", "false", "0", "no" -> false;
			default -> null;
		};
	}

}
