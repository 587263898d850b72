package dev.homebudget.ops;

import dev.homebudget.web.ApiSchemas;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metadata of {@code /openapi.json} (the title is the original's) and the error responses
 * every v1 operation can give, so that clients see the 404 and 422 bodies they must
 * handle.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI homeBudgetOpenApi() {
		return new OpenAPI().info(new Info().title("Home Budget Web Backend")
			.version("1.0.0")
			.description("Household expenses and incomes. v1 contract of the original Home Budget Web, "
					+ "with its bugs fixed."));
	}

	@Bean
	OpenApiCustomizer errorResponses() {
		return (openApi) -> {
			for (Class<?> type : new Class<?>[] { ApiSchemas.HttpValidationError.class,
					ApiSchemas.ErrorDetail.class }) {
				ModelConverters.getInstance().readAll(type).forEach(openApi.getComponents()::addSchemas);
			}
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				boolean hasId = path.contains("{");
				boolean hasBody = operation.getRequestBody() != null;
				if (hasId) {
					respond(operation, "404", "No such record", "ErrorDetail");
				}
				if (hasId || hasBody) {
					respond(operation, "422", "Validation error", "HTTPValidationError");
				}
				if (hasBody && hasId) {
					respond(operation, "400", "The change is not allowed (field, null, date)", "ErrorDetail");
				}
			}));
		};
	}

	private static void respond(Operation operation, String status, String description, String schema) {
		operation.getResponses()
			.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)))));
	}

}
