package dev.homebudget.ops;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Database timings for stores that are not beans of their own: the ledger's PostgreSQL
 * repositories, one per kind of entry. Beans annotated {@code @Repository} are timed by
 * {@link DatabaseMetricsPostProcessor} instead.
 */
@Component
public class DatabaseMetrics {

	private final ObjectProvider<MeterRegistry> registry;

	DatabaseMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	/**
	 * The store behind a proxy of its interfaces that times every call as
	 * {@code <name>.<method>} (for example {@code expense.create}).
	 */
	@SuppressWarnings("unchecked")
	public <T> T timed(T store, String name) {
		ProxyFactory proxy = new ProxyFactory(store);
		proxy.addAdvice(new DatabaseTimingInterceptor(this.registry, (type, method) -> name + "." + method.getName()));
		return (T) proxy.getProxy();
	}

}
