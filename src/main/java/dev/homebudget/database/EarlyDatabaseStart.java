package dev.homebudget.database;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL server on a thread of its own as soon as the web app's
 * settings are known, so that the server boots (about 0.3 s, mostly spent waiting for its
 * processes) while the application context is being built on the main thread; the
 * {@code databaseServer} bean then takes that server instead of starting one. Only the
 * web app ({@code ./hbw serve}) registers this: commands and tests start the server when
 * the bean is created. Settings that do not bind are left for the bean to report.
 */
public final class EarlyDatabaseStart implements ApplicationListener<SpringApplicationEvent>, Ordered {

	private static final AtomicReference<Pending> pending = new AtomicReference<>();

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			start(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationFailedEvent) {
			abandon();
		}
	}

	/** After the configuration files and logging are set up. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static void start(Environment environment) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			// the build's AOT processing only prepares bean definitions: no server
			return;
		}
		DatabaseProperties properties;
		try {
			properties = Binder.get(environment).bind("budget.database", DatabaseProperties.class).orElse(null);
		}
		catch (RuntimeException ex) {
			return;
		}
		if (properties == null || !properties.usesEmbeddedServer()) {
			return;
		}
		Pending early = new Pending(properties, new CompletableFuture<>());
		if (!pending.compareAndSet(null, early)) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				early.server().complete(DatabaseServer.start(properties));
			}
			catch (Throwable ex) {
				early.server().completeExceptionally(ex);
			}
		}, "embedded-postgres-start");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * The server started early for exactly these settings, if any (taken at most once); a
	 * failure of that start is thrown here, as the bean would have thrown it.
	 */
	static Optional<DatabaseServer> take(DatabaseProperties properties) {
		Pending early = pending.getAndSet(null);
		if (early == null) {
			return Optional.empty();
		}
		if (!early.properties().equals(properties)) {
			closeWhenStarted(early);
			return Optional.empty();
		}
		try {
			return Optional.of(early.server().join());
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/** The context failed before it took the server: stop it. */
	static void abandon() {
		Pending early = pending.getAndSet(null);
		if (early != null) {
			closeWhenStarted(early);
		}
	}

	private static void closeWhenStarted(Pending early) {
		try {
			early.server().join().close();
		}
		catch (RuntimeException ex) {
			// It did not start: nothing to stop.
		}
	}

	private record Pending(DatabaseProperties properties, CompletableFuture<DatabaseServer> server) {
	}

}
