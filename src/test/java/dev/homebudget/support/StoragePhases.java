package dev.homebudget.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs an application test in a storage phase: the phase's flags, a JSON directory of its
 * own (one per phase and JVM, so the expense and income suites of a phase share files and
 * application context) and a database of its own, so that ids the JSON files assign never
 * meet rows of another phase's tests.
 */
public final class StoragePhases {

	private static final Map<String, Path> DIRECTORIES = new ConcurrentHashMap<>();

	private StoragePhases() {
	}

	/** For subclasses of {@link ApiTestSupport}. */
	public static void register(DynamicPropertyRegistry registry, StoragePhase phase) {
		register(registry, phase, "api_" + phase.name().toLowerCase(Locale.ROOT));
	}

	/** The phase on a database and JSON directory named {@code name}. */
	public static void register(DynamicPropertyRegistry registry, StoragePhase phase, String name) {
		registry.add(ApiTestSupport.DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl(name));
		registry.add(StorageMode.USE_DATABASE_VARIABLE,
				() -> Boolean.toString(phase.primary().name().equals("POSTGRES")));
		registry.add(StorageMode.DUAL_WRITE_VARIABLE, () -> Boolean.toString(phase.hasMirror()));
		registry.add("budget.storage.json-directory", () -> jsonDirectory(name).toString());
	}

	/**
	 * The JSON directory of a named test setup, created on first use under
	 * {@code target/test-json}, so that {@code ./mvnw clean} removes it (a shutdown hook
	 * would race the application contexts that still write there).
	 */
	public static Path jsonDirectory(String name) {
		return DIRECTORIES.computeIfAbsent(name, (key) -> {
			try {
				Path parent = Files.createDirectories(Path.of("target", "test-json"));
				return Files.createTempDirectory(parent, key + "-").toAbsolutePath();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
