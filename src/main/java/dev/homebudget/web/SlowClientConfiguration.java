package dev.homebudget.web;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the {@link SlowBodyGuard} in Tomcat. The server's own limits (per-read and
 * keep-alive timeouts, connections, threads) are {@code server.tomcat.*} settings in
 * {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlowClientConfiguration.BodyReadProperties.class)
class SlowClientConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> slowBodyGuard(BodyReadProperties properties) {
		return (factory) -> factory.addEngineValves(new SlowBodyGuard(properties.maxBodyReaders(),
				properties.bodyReadTimeout(), properties.bodyMinRate().toBytes()));
	}

	/**
	 * @param bodyReadTimeout how long a request's body may take to arrive in full (408
	 * after it), plus a second for each {@code bodyMinRate} of it that arrived
	 * @param bodyMinRate the transfer rate (per second) that earns a body more time
	 * @param maxBodyReaders how many requests with a body are let in at once (503
	 * beyond); keep it below {@code server.tomcat.threads.max}, so that requests without
	 * a body always find a thread
	 */
	@ConfigurationProperties("budget.http")
	record BodyReadProperties(@DefaultValue("10s") Duration bodyReadTimeout, @DefaultValue("16KB") DataSize bodyMinRate,
			@DefaultValue("150") int maxBodyReaders) {

		BodyReadProperties {
			if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
				throw new IllegalArgumentException(
						"budget.http.body-read-timeout must be positive, but is " + bodyReadTimeout);
			}
			if (bodyMinRate.toBytes() < 1) {
				throw new IllegalArgumentException(
						"budget.http.body-min-rate must be at least 1B, but is " + bodyMinRate);
			}
			if (maxBodyReaders < 1) {
				throw new IllegalArgumentException(
						"budget.http.max-body-readers must be at least 1, but is " + maxBodyReaders);
			}
		}

	}

}
