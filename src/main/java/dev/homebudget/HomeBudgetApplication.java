package dev.homebudget;

import dev.homebudget.cli.HomeBudgetCli;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HomeBudgetApplication {

	/**
	 * Runs the web app, or a command of {@code ./hbw} (see {@link HomeBudgetCli}).
	 * Commands exit with their status; the web app keeps running.
	 */
	public static void main(String[] args) {
		boolean web = HomeBudgetCli.servesWeb(args);
		int status = HomeBudgetCli.execute(args);
		if (!web) {
			System.exit(status);
		}
	}

}
