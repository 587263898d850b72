package dev.homebudget.ops;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Times each call as {@code db_query_duration_seconds{operation}} and counts its failures
 * as {@code db_errors_total{operation,error_type}}. The error type is the SQLState when
 * there is one, else the exception's class name: both come from a fixed set, never from a
 * message.
 */
final class DatabaseTimingInterceptor implements MethodInterceptor {

	private final ObjectProvider<MeterRegistry> registryProvider;

	private final BiFunction<Class<?>, Method, String> naming;

	// by target class too: repositories of several kinds share their method
	// declarations, so a method alone does not tell the feature
	private final Map<Call, String> operations = new ConcurrentHashMap<>();

	// One timer per operation, found once: building and registering a meter per call
	// cost more than the timing itself.
	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private static final Duration[] BUCKETS = MetricsConfiguration.DB_BUCKETS.toArray(Duration[]::new);

	private volatile MeterRegistry registry;

	/**
	 * @param naming the operation of a call on a target class, such as
	 * {@code expense.create}
	 */
	DatabaseTimingInterceptor(ObjectProvider<MeterRegistry> registry, BiFunction<Class<?>, Method, String> naming) {
		this.registryProvider = registry;
		this.naming = naming;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (invocation.getMethod().getDeclaringClass() == Object.class) {
			return invocation.proceed();
		}
		Class<?> target = AopUtils.getTargetClass(invocation.getThis());
		String operation = this.operations.computeIfAbsent(new Call(target, invocation.getMethod()),
				(call) -> this.naming.apply(call.target(), call.method()));
		MeterRegistry meters = registry();
		long start = System.nanoTime();
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			Counter.builder("db.errors")
				.description("Failed database operations by operation and error type")
				.tags("operation", operation, "error_type", errorType(ex))
				.register(meters)
				.increment();
			throw ex;
		}
		finally {
			this.timers
				.computeIfAbsent(operation,
						(name) -> Timer.builder("db.query.duration")
							.description("Database operation duration by operation")
							.tag("operation", name)
							.serviceLevelObjectives(BUCKETS)
							.register(meters))
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	static String errorType(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().matches("[0-9A-Z]{5}")) {
				return sql.getSQLState();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return failure.getClass().getSimpleName();
	}

	// Looked up lazily: a post-processor is created before the registry exists.
	private MeterRegistry registry() {
		MeterRegistry current = this.registry;
		if (current == null) {
			current = this.registryProvider.getObject();
			this.registry = current;
		}
		return current;
	}

	private record Call(Class<?> target, Method method) {
	}

}
