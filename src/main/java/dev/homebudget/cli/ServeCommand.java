package dev.homebudget.cli;

import java.util.ArrayList;
import java.util.List;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.database.EarlyDatabaseStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.util.ClassUtils;

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

	/**
	 * Set by {@code ./hbw}: the web app runs with the bean definitions and proxy classes
	 * that the build's Spring AOT processing made (the context starts without scanning
	 * and parsing its configuration classes). Only the web app has them: commands, tests
	 * and {@code java -jar} without this property build their context at run time, and so
	 * does a jar built without them (plain {@code ./mvnw package}).
	 */
	static final String AOT_PROPERTY = "hbw.aot";

	static void start(String[] args) {
		if (Boolean.getBoolean(AOT_PROPERTY)
				&& ClassUtils.isPresent(HomeBudgetApplication.class.getName() + "__ApplicationContextInitializer",
						ServeCommand.class.getClassLoader())) {
			System.setProperty(AotDetector.AOT_ENABLED, "true");
		}
		SpringApplication application = new SpringApplication(HomeBudgetApplication.class);
		// The embedded database boots while the context is built (about 0.3 s sooner
		// ready).
		application.addListeners(new EarlyDatabaseStart());
		application.run(args);
	}

}
