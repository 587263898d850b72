package dev.homebudget.auth;

import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents how sign-in mode identifies callers: a personal API token as a bearer token
 * (scripts), or the session cookie plus the {@code X-XSRF-TOKEN} header (the web UI). In
 * single-user mode neither is needed; the document is the same in both modes.
 */
@Configuration(proxyBeanMethods = false)
class AuthOpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	static final String SESSION = "sessionCookie";

	private static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/health", "/api/v1/health/live",
			"/api/v1/health/ready", "/api/v1/csrf");

	@Bean
	OpenApiCustomizer authSchemes() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("Sign-in mode (BUDGET_AUTH=sign-in): a personal API token from POST /api/v1/tokens, "
							+ "e.g. Authorization: Bearer hbw_... Not needed in single-user mode."))
				.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.COOKIE)
					.name("JSESSIONID")
					.description("Sign-in mode: the web UI's session from POST /login. Requests that change data "
							+ "must also send the session's CSRF token (GET /api/v1/csrf) in the X-XSRF-TOKEN header."));
			SecurityRequirement bearer = new SecurityRequirement().addList(BEARER);
			SecurityRequirement session = new SecurityRequirement().addList(SESSION);
			openApi.getPaths().forEach((path, item) -> {
				if (!path.startsWith("/api/") || PUBLIC_PATHS.contains(path)) {
					return;
				}
				item.readOperations().forEach((operation) -> {
					operation.addSecurityItem(bearer).addSecurityItem(session);
					operation.getResponses()
						.addApiResponse("401", new ApiResponse()
							.description("Not authenticated (sign-in mode only); WWW-Authenticate: Bearer")
							.content(new Content().addMediaType("application/json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorDetail")))));
					operation.getResponses()
						.addApiResponse("429", new ApiResponse()
							.description("Too many requests for this user (sign-in mode only); see Retry-After")
							.content(new Content().addMediaType("application/json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorDetail")))));
				});
			});
		};
	}

}
