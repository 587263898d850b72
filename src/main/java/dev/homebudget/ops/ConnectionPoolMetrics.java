package dev.homebudget.ops;

import java.util.function.ToIntFunction;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * HikariCP pool gauges under the names HikariCP's own Micrometer tracker used
 * ({@code hikaricp_connections_active} and so on). HikariCP 7 no longer ships that
 * tracker, so they are read from the pool's MXBean at scrape time.
 */
final class ConnectionPoolMetrics {

	private ConnectionPoolMetrics() {
	}

	static void bind(HikariDataSource dataSource, MeterRegistry registry) {
		String pool = dataSource.getPoolName();
		gauge(registry, "hikaricp.connections.active", "Connections in use", pool, dataSource,
				HikariPoolMXBean::getActiveConnections);
		gauge(registry, "hikaricp.connections.idle", "Idle connections", pool, dataSource,
				HikariPoolMXBean::getIdleConnections);
		gauge(registry, "hikaricp.connections.pending", "Threads waiting for a connection", pool, dataSource,
				HikariPoolMXBean::getThreadsAwaitingConnection);
		gauge(registry, "hikaricp.connections", "Connections open", pool, dataSource,
				HikariPoolMXBean::getTotalConnections);
		Gauge.builder("hikaricp.connections.max", dataSource, HikariDataSource::getMaximumPoolSize)
			.description("Maximum pool size")
			.tag("pool", pool)
			.register(registry);
	}

	private static void gauge(MeterRegistry registry, String name, String description, String pool,
			HikariDataSource dataSource, ToIntFunction<HikariPoolMXBean> value) {
		Gauge.builder(name, dataSource, (source) -> {
			HikariPoolMXBean bean = source.getHikariPoolMXBean();
			return (bean != null) ? value.applyAsInt(bean) : Double.NaN;
		}).description(description).tag("pool", pool).register(registry);
	}

}
