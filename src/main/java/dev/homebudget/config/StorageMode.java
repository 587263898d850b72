package dev.homebudget.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import dev.homebudget.config.StorageProperties.StorageBackend;

import org.springframework.core.env.PropertyResolver;

/**
 * The storage phase this process runs in, and where each of its two switches came from.
 * Chosen once, at startup; a change needs a restart, as in the original.
 * <p>
 * Each switch is read from the original's environment variable first
 * ({@code FF_USE_DATABASE_STORAGE}, {@code FF_DUAL_WRITE_ENABLED}), then from the
 * property ({@code budget.storage.primary}, {@code budget.storage.dual-write}). The
 * variables accept the original's words (true/1/yes/on, false/0/no/off, any case) but,
 * unlike the original, anything else stops startup instead of silently meaning "off": the
 * original's production stayed on JSON for weeks because a flag was never read (contract
 * §3). Values are not trimmed, as in the original, so {@code " true"} is refused rather
 * than guessed.
 *
 * @param phase the phase
 * @param primarySource where "use the database" came from: a variable, a property, or
 * {@code default}
 * @param dualWriteSource where "dual write" came from
 * @param jsonDirectory the directory of the JSON files (used in P0, P1 and P2)
 */
public record StorageMode(StoragePhase phase, String primarySource, String dualWriteSource, Path jsonDirectory) {

	public static final String USE_DATABASE_VARIABLE = "FF_USE_DATABASE_STORAGE";

	public static final String DUAL_WRITE_VARIABLE = "FF_DUAL_WRITE_ENABLED";

	static final String PRIMARY_PROPERTY = "budget.storage.primary";

	static final String DUAL_WRITE_PROPERTY = "budget.storage.dual-write";

	static final String DEFAULT_SOURCE = "default";

	private static final String FLAG_VALUES = "true, 1, yes, on, false, 0, no or off (any case, no spaces)";

	/**
	 * Reads both switches.
	 * @throws StorageSettingException when a value is not one of the allowed ones, or the
	 * switches together do not name a phase
	 */
	public static StorageMode resolve(PropertyResolver environment, StorageProperties properties) {
		Optional<Boolean> useDatabaseVariable = flag(environment, USE_DATABASE_VARIABLE);
		Optional<Boolean> dualWriteVariable = flag(environment, DUAL_WRITE_VARIABLE);
		requireNotEmpty(environment, PRIMARY_PROPERTY, "json or postgres");
		requireNotEmpty(environment, DUAL_WRITE_PROPERTY, "true or false");
		Boolean useDatabase;
		String primarySource;
		if (useDatabaseVariable.isPresent()) {
			useDatabase = useDatabaseVariable.get();
			primarySource = USE_DATABASE_VARIABLE;
		}
		else if (properties.primary() != null) {
			useDatabase = properties.primary() == StorageBackend.POSTGRES;
			primarySource = PRIMARY_PROPERTY;
		}
		else {
			useDatabase = null;
			primarySource = DEFAULT_SOURCE;
		}
		boolean dualWrite;
		String dualWriteSource;
		if (dualWriteVariable.isPresent()) {
			dualWrite = dualWriteVariable.get();
			dualWriteSource = DUAL_WRITE_VARIABLE;
		}
		else if (properties.dualWrite() != null) {
			dualWrite = properties.dualWrite();
			dualWriteSource = DUAL_WRITE_PROPERTY;
		}
		else {
			dualWrite = false;
			dualWriteSource = DEFAULT_SOURCE;
		}
		if (useDatabase == null) {
			if (dualWrite) {
				// The original read an unset FF_USE_DATABASE_STORAGE as false (P1); a new
				// install defaults to PostgreSQL (P2). Guessing either could read from a
				// store that was never filled, so ask.
				throw new StorageSettingException(
						"Dual write is on (" + dualWriteSource + ") but the primary store is not set, so the phase is "
								+ "ambiguous.",
						"Set " + USE_DATABASE_VARIABLE + "=false (or " + PRIMARY_PROPERTY
								+ "=json) for P1, dual-write with JSON primary, or " + USE_DATABASE_VARIABLE
								+ "=true (or " + PRIMARY_PROPERTY + "=postgres) for P2, PostgreSQL primary.");
			}
			useDatabase = true;
		}
		return new StorageMode(StoragePhase.of(useDatabase, dualWrite), primarySource, dualWriteSource,
				properties.jsonDirectory());
	}

	/** The original's reading of a flag variable, except that unknown values fail. */
	static Optional<Boolean> flag(PropertyResolver environment, String variable) {
		String value = environment.getProperty(variable);
		if (value == null) {
			return Optional.empty();
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes", "on" -> Optional.of(true);
			case "false", "0", "no", "off" -> Optional.of(false);
			default -> throw new StorageSettingException(
					"The environment variable " + variable + " has the value '" + value
							+ "', which is not a flag value.",
					"Set " + variable + " to one of " + FLAG_VALUES + ", or unset it. See docs/storage-phases.md.");
		};
	}

	/**
	 * An empty property would bind as "not set"; an operator who wrote
	 * {@code BUDGET_STORAGE_PRIMARY=} meant something, so it is refused like any other
	 * unknown value.
	 */
	private static void requireNotEmpty(PropertyResolver environment, String property, String allowed) {
		String value = environment.getProperty(property);
		if (value != null && value.isBlank()) {
			throw new StorageSettingException("The setting " + property + " is empty.",
					"Set " + property + " to " + allowed + ", or remove it.");
		}
	}

	/** A one-line summary for logs and the CLI. */
	public String summary() {
		return this.phase.name() + " (" + this.phase.description() + "; " + USE_DATABASE_VARIABLE + " from "
				+ this.primarySource + ", " + DUAL_WRITE_VARIABLE + " from " + this.dualWriteSource + ")";
	}

}
