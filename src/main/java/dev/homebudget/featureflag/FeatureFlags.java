package dev.homebudget.featureflag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves flags in the original's order: the {@code FF_<NAME>} environment variable when
 * it holds a recognised value (true/1/yes/on, false/0/no/off; case-insensitive, not
 * trimmed), then the user's row, then the global row of {@code feature_flags}, then the
 * default (off). A database that cannot be read is an error, never silently "off".
 */
@Service
public class FeatureFlags {

	private final Environment environment;

	private final JdbcClient jdbc;

	FeatureFlags(Environment environment, JdbcClient jdbc) {
		this.environment = environment;
		this.jdbc = jdbc;
	}

	public boolean isEnabled(FeatureFlag flag) {
		return resolve(flag, null).enabled();
	}

	@Transactional(readOnly = true)
	public FlagValue resolve(FeatureFlag flag, Integer userId) {
		Optional<Boolean> fromEnvironment = parse(this.environment.getProperty(flag.environmentVariable()));
		if (fromEnvironment.isPresent()) {
			return new FlagValue(flag.name(), fromEnvironment.get(), "environment", flag.description());
		}
		if (userId != null) {
			Optional<Boolean> forUser = row(flag, userId);
			if (forUser.isPresent()) {
				return new FlagValue(flag.name(), forUser.get(), "database_user", flag.description());
			}
		}
		Optional<Boolean> global = row(flag, null);
		if (global.isPresent()) {
			return new FlagValue(flag.name(), global.get(), "database_global", flag.description());
		}
		return new FlagValue(flag.name(), false, "default", flag.description());
	}

	@Transactional(readOnly = true)
	public List<FlagValue> all(Integer userId) {
		return Arrays.stream(FeatureFlag.values()).map((flag) -> resolve(flag, userId)).toList();
	}

	/** Sets the database row (global when {@code userId} is null). */
	@Transactional
	public void set(FeatureFlag flag, boolean enabled, Integer userId) {
		this.jdbc.sql(
				"INSERT INTO feature_flags (name, enabled, user_id, description) VALUES (:name, :enabled, :user, :description) "
						+ "ON CONFLICT ON CONSTRAINT uq_feature_flag_name_user "
						+ "DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()")
			.param("name", flag.name())
			.param("enabled", enabled)
			.param("user", userId, java.sql.Types.INTEGER)
			.param("description", flag.description())
			.update();
	}

	/** Removes the database row; true if there was one. */
	@Transactional
	public boolean clear(FeatureFlag flag, Integer userId) {
		return this.jdbc.sql("DELETE FROM feature_flags WHERE name = :name AND user_id IS NOT DISTINCT FROM :user")
			.param("name", flag.name())
			.param("user", userId, java.sql.Types.INTEGER)
			.update() > 0;
	}

	private Optional<Boolean> row(FeatureFlag flag, Integer userId) {
		return this.jdbc
			.sql("SELECT enabled FROM feature_flags WHERE upper(name) = :name AND user_id IS NOT DISTINCT FROM :user")
			.param("name", flag.name())
			.param("user", userId, java.sql.Types.INTEGER)
			.query(Boolean.class)
			.optional();
	}

	/** The original's reading of an environment value; anything else means "not set". */
	static Optional<Boolean> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes", "on" -> Optional.of(true);
			case "false", "0", "no", "off" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

}
