package dev.homebudget.schema;

import org.springframework.stereotype.Component;

/**
 * Where the startup migration stands. Normally it is {@link Phase#READY} before the web
 * server opens; with an external database that was unreachable at startup it moves from
 * {@link Phase#WAITING_FOR_DATABASE} through {@link Phase#MIGRATING} while the app
 * already answers probes.
 */
@Component
public class SchemaState {

	/** The phases of the startup migration. */
	public enum Phase {

		/** Not decided yet (the context is starting). */
		STARTING,
		/** The database did not answer; the migration waits for it. */
		WAITING_FOR_DATABASE,
		/** Flyway is migrating. */
		MIGRATING,
		/** The schema is at the app's version (or the app was told not to migrate). */
		READY,
		/** The migration failed; the app stays not ready. */
		FAILED

	}

	private volatile Phase phase = Phase.STARTING;

	private volatile String reason;

	/** A state fixed at one phase, for code that runs without the startup migration. */
	public static SchemaState at(Phase phase, String reason) {
		SchemaState state = new SchemaState();
		state.phase = phase;
		state.reason = reason;
		return state;
	}

	public Phase phase() {
		return this.phase;
	}

	public boolean ready() {
		return this.phase == Phase.READY;
	}

	/** A short fixed text for readiness while not ready, {@code null} when ready. */
	public String reason() {
		return switch (this.phase) {
			case READY -> null;
			case STARTING -> "starting";
			case MIGRATING -> "migrating the schema";
			case WAITING_FOR_DATABASE, FAILED -> this.reason;
		};
	}

	void markWaiting(String reason) {
		this.reason = reason;
		this.phase = Phase.WAITING_FOR_DATABASE;
	}

	void markMigrating() {
		this.phase = Phase.MIGRATING;
	}

	void markReady() {
		this.reason = null;
		this.phase = Phase.READY;
	}

	void markFailed(String reason) {
		this.reason = reason;
		this.phase = Phase.FAILED;
	}

}
