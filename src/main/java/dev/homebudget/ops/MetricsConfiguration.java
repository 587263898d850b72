package dev.homebudget.ops;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Prometheus registry behind {@code /metrics}, with JVM and connection-pool meters.
 * Built by hand rather than through Actuator: the contract fixes the metric names, labels
 * and buckets, and nothing else of Actuator (or its endpoints) is wanted.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	/** Buckets of {@code http_request_duration_seconds} (contract §7). */
	static final List<Duration> HTTP_BUCKETS = seconds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

	/** Buckets of {@code db_query_duration_seconds} (contract §7). */
	static final List<Duration> DB_BUCKETS = seconds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1);

	@Bean(destroyMethod = "close")
	PrometheusMeterRegistry prometheusMeterRegistry(ObjectProvider<MeterBinder> binders) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		binders.orderedStream().forEach((binder) -> binder.bindTo(registry));
		return registry;
	}

	// Static: a post-processor must not force this configuration's early creation.
	@Bean
	static DatabaseMetricsPostProcessor databaseMetricsPostProcessor(ObjectProvider<MeterRegistry> registry) {
		return new DatabaseMetricsPostProcessor(registry);
	}

	@Bean
	MeterBinder jvmMetrics() {
		return (registry) -> {
			new JvmMemoryMetrics().bindTo(registry);
			new JvmThreadMetrics().bindTo(registry);
			new ClassLoaderMetrics().bindTo(registry);
			new ProcessorMetrics().bindTo(registry);
			new UptimeMetrics().bindTo(registry);
		};
	}

	@Bean(destroyMethod = "close")
	JvmGcMetrics jvmGcMetrics() {
		return new JvmGcMetrics();
	}

	private static List<Duration> seconds(double... values) {
		return Arrays.stream(values).mapToObj((value) -> Duration.ofNanos((long) (value * 1e9))).toList();
	}

}
