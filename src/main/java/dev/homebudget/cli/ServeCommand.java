package dev.homebudget.cli;

import java.util.ArrayList;
import java.util.List;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.database.EarlyDatabaseStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.boot.SpringApplication;

/** Runs the web app (the default command). */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Run the web app and API (default). Extra --name=value arguments are Spring properties.")
class ServeCommand implements Runnable {

	@Parameters(arity = "0..*", paramLabel = "--property=value", description = "Spring Boot properties")
	List<String> properties = new ArrayList<>();

	@Override
	public void run() {
		start(this.properties.toArray(String[]::new));
	}

	static void start(String[] args) {
		SpringApplication application = new SpringApplication(HomeBudgetApplication.class);
		// The embedded database boots while the context is built (about 0.3 s sooner
		// ready).
		application.addListeners(new EarlyDatabaseStart());
		application.run(args);
	}

}
