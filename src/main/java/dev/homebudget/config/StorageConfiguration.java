package dev.homebudget.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The storage phase of this process, read once at startup from the original's switches.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StorageConfiguration.class);

	@Bean
	StorageMode storageMode(Environment environment, StorageProperties properties) {
		StorageMode mode = StorageMode.resolve(environment, properties);
		logger.info("Storage phase {}", mode.summary());
		return mode;
	}

}
