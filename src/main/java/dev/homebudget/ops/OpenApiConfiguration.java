package dev.homebudget.ops;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metadata of {@code /openapi.json}; the title is the original's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI homeBudgetOpenApi() {
		return new OpenAPI().info(new Info().title("Home Budget Web Backend")
			.version("1.0.0")
			.description("Household expenses and incomes. v1 contract of the original Home Budget Web, "
					+ "with its bugs fixed."));
	}

}
