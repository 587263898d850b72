package dev.homebudget.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.transition.LedgerFile;
import dev.homebudget.transition.MirrorFaultSeam;
import dev.homebudget.transition.StorageMirrors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application in a storage phase, started and stopped by a test (to restart it
 * on the same stores, or to see it refuse to start), on a database and a JSON directory
 * the test names. A {@link Crash} seam can be armed to stop a write right after its
 * primary store took it.
 */
public final class PhaseApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private PhaseApplication(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application.
	 * @param phase the storage phase (null: no storage flags)
	 * @param databaseUrl the JDBC URL
	 * @param jsonDirectory the JSON directory
	 * @param web whether to start the web server (on a free port)
	 * @param extra further {@code name=value} properties
	 */
	public static PhaseApplication start(StoragePhase phase, String databaseUrl, Path jsonDirectory, boolean web,
			String... extra) {
		List<String> properties = new ArrayList<>(
				List.of("budget.database.url=" + databaseUrl, "budget.storage.json-directory=" + jsonDirectory,
						"server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
		if (phase != null) {
			properties.add(StorageMode.USE_DATABASE_VARIABLE + "="
					+ phase.primary().name().toLowerCase(Locale.ROOT).equals("postgres"));
			properties.add(StorageMode.DUAL_WRITE_VARIABLE + "=" + phase.hasMirror());
		}
		properties.addAll(List.of(extra));
		Crash crash = new Crash();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HomeBudgetApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.initializers((initializing) -> initializing.getBeanFactory().registerSingleton("crashSeam", crash))
			// as arguments, which win over application.yml (default properties would not)
			.run(properties.stream().map((property) -> "--" + property).toArray(String[]::new));
		return new PhaseApplication(context);
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public DataSource dataSource() {
		return this.context.getBean(DataSource.class);
	}

	/**
	 * Arms the crash seam: the next write stops right after its primary store took it.
	 */
	public Crash crash() {
		return this.context.getBean(Crash.class);
	}

	public StorageMirrors mirrors() {
		return this.context.getBean(StorageMirrors.class);
	}

	/** Both stores of an entry kind, by id, read from outside the application. */
	public StoreDifference difference(LedgerFile file, Path jsonDirectory) {
		return StoreDifference.of(StoreContents.json(jsonDirectory, file), StoreContents.database(dataSource(), file));
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** Thrown by an armed seam: stands for the process dying between the two writes. */
	public static final class SimulatedCrash extends Error {

		SimulatedCrash() {
			super("simulated crash after the primary write", null, false, false);
		}

	}

	/** A fault seam that throws once when armed. */
	public static final class Crash implements MirrorFaultSeam {

		private final AtomicReference<Boolean> armed = new AtomicReference<>(false);

		public void arm() {
			this.armed.set(true);
		}

		@Override
		public void afterPrimaryWrite(String entity, String operation, java.util.Collection<Integer> ids) {
			if (this.armed.compareAndSet(true, false)) {
				throw new SimulatedCrash();
			}
		}

	}

}
