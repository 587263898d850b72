package dev.homebudget.ops;

/**
 * One named condition the app needs before it should receive traffic. Implementations are
 * Spring beans; the readiness endpoint runs every one of them, each under its own time
 * limit, so a check may block on the database without making the probe hang.
 */
public interface ReadinessCheck {

	/** The key of this check in the readiness body, e.g. {@code database}. */
	String name();

	/**
	 * Runs the check.
	 * @return the outcome; throwing counts as down
	 */
	Result check();

	/**
	 * Whether this check needs the migrated schema. While the startup migration has not
	 * finished (an external database that was unreachable at startup) such a check is
	 * reported down without being run.
	 */
	default boolean needsSchema() {
		return true;
	}

	/**
	 * Whether the outcome may be reused for {@link Readiness#CACHE_FOR} (checks that ask
	 * the database or Flyway, so that a flood of probes costs one check a second); checks
	 * of in-memory state are run on every probe.
	 */
	default boolean cached() {
		return false;
	}

	/**
	 * Outcome of a check.
	 *
	 * @param up whether the condition holds
	 * @param reason short fixed text when down (never an exception message, which may
	 * hold SQL or a host name); {@code null} when up
	 */
	record Result(boolean up, String reason) {

		public static Result ok() {
			return new Result(true, null);
		}

		public static Result down(String reason) {
			return new Result(false, reason);
		}

	}

}
