package dev.homebudget.ops;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

/**
 * Times every call into a {@code @Repository} bean as
 * {@code db_query_duration_seconds{operation}} and counts its failures as
 * {@code db_errors_total{operation,error_type}}, without touching the repositories. The
 * operation is {@code <feature>.<method>} (for example {@code expense.create}), and the
 * error type is the SQLState when there is one, else the exception's class name: both
 * come from a fixed set, never from a message.
 */
class DatabaseMetricsPostProcessor extends AbstractAdvisingBeanPostProcessor {

	DatabaseMetricsPostProcessor(ObjectProvider<MeterRegistry> registry) {
		this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Repository.class, true),
				new TimingInterceptor(registry));
		// Outermost, so the time includes exception translation and the error is the one
		// callers see.
		setBeforeExistingAdvisors(true);
	}

	/**
	 * Advises each repository once, even when the same object is also exposed under a
	 * second bean name (the storage configuration hands the JDBC repository on as the
	 * active one in phase P3).
	 */
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Advised advised && Arrays.asList(advised.getAdvisors()).contains(this.advisor)) {
			return bean;
		}
		return super.postProcessAfterInitialization(bean, beanName);
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

	static String operation(Class<?> type, Method method) {
		String name = type.getSimpleName().replaceFirst("^Jdbc", "").replaceFirst("Repository$", "");
		if (name.isEmpty()) {
			name = type.getSimpleName();
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1) + "." + method.getName();
	}

	private record Call(Class<?> target, Method method) {
	}

	private static final class TimingInterceptor implements MethodInterceptor {

		private final ObjectProvider<MeterRegistry> registryProvider;

		// by target class too: the expense and income repositories share their methods
		// declarations (JdbcEntries), so a method alone does not tell the feature
		private final Map<Call, String> operations = new ConcurrentHashMap<>();

		// One timer per operation, found once: building and registering a meter per call
		// cost more than the timing itself.
		private final Map<String, Timer> timers = new ConcurrentHashMap<>();

		private static final Duration[] BUCKETS = MetricsConfiguration.DB_BUCKETS.toArray(Duration[]::new);

		private volatile MeterRegistry registry;

		TimingInterceptor(ObjectProvider<MeterRegistry> registry) {
			this.registryProvider = registry;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			if (invocation.getMethod().getDeclaringClass() == Object.class) {
				return invocation.proceed();
			}
			Class<?> target = AopUtils.getTargetClass(invocation.getThis());
			String operation = this.operations.computeIfAbsent(new Call(target, invocation.getMethod()),
					(call) -> operation(call.target(), call.method()));
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

		// Looked up lazily: a post-processor is created before the registry exists.
		private MeterRegistry registry() {
			MeterRegistry current = this.registry;
			if (current == null) {
				current = this.registryProvider.getObject();
				this.registry = current;
			}
			return current;
		}

	}

}
