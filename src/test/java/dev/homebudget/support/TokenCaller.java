package dev.homebudget.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.homebudget.support.ApiTestSupport.ApiResponse;

/**
 * One signed-in API user: every request carries their bearer token (no cookies, so no
 * CSRF token is needed).
 */
public record TokenCaller(int port, int userId, String username, String token) {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public ApiResponse get(String path) {
		return send("GET", path, null, null);
	}

	public ApiResponse delete(String path) {
		return send("DELETE", path, null, null);
	}

	public ApiResponse json(String method, String path, String body) {
		return send(method, path, body, "application/json");
	}

	public ApiResponse send(String method, String path, String body, String contentType) {
		return send(method, path, body, contentType, Map.of());
	}

	public ApiResponse send(String method, String path, String body, String contentType, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.token)
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = CLIENT.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new ApiResponse(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
