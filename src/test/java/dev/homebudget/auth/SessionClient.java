package dev.homebudget.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser as far as the server can tell: keeps the cookies it is given (the session),
 * sends them back, asks for the session's CSRF token the way the page's script does, and
 * does not follow redirects, so each step can be checked.
 */
final class SessionClient {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final Map<String, String> cookies = new LinkedHashMap<>();

	/** Sent with every request (e.g. what a reverse proxy adds). */
	final Map<String, String> headers = new LinkedHashMap<>();

	private final int port;

	SessionClient(int port) {
		this.port = port;
	}

	record Response(int status, String body, HttpHeaders headers) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		List<String> setCookies() {
			return this.headers.allValues("Set-Cookie");
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers.map() + " " + this.body;
		}

	}

	private String csrfSession;

	private String csrfToken;

	/**
	 * The session's CSRF token from {@code GET /api/v1/csrf}, asked again whenever the
	 * session cookie changed (signing in replaces the session and its token).
	 */
	String csrf() {
		String session = this.cookies.get("JSESSIONID");
		if (this.csrfToken == null || session == null || !session.equals(this.csrfSession)) {
			Response response = get("/api/v1/csrf");
			if (response.status() != 200) {
				throw new IllegalStateException("no CSRF token: " + response);
			}
			this.csrfToken = response.json().get("token").asString();
			this.csrfSession = this.cookies.get("JSESSIONID");
		}
		return this.csrfToken;
	}

	Response get(String path) {
		return send("GET", path, null, null, Map.of());
	}

	/** A JSON call the way the UI makes it: with the CSRF header. */
	Response json(String method, String path, String body) {
		return send(method, path, body, "application/json", Map.of("X-XSRF-TOKEN", csrf()));
	}

	Response form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send("POST", path, body, "application/x-www-form-urlencoded", Map.of());
	}

	/** The sign-in page, then its form, as a browser with the page's script would. */
	Response signIn(String username, String password) {
		Response page = get("/login");
		if (page.status() != 200) {
			throw new IllegalStateException("no sign-in page: " + page);
		}
		Response response = form("/login", Map.of("username", username, "password", password, "_csrf", csrf()));
		String location = response.header("Location");
		if (response.status() == 302 && location != null && !location.contains("error")) {
			// as a browser, load the page it was sent to (its script asks for the new
			// session's CSRF token when it first needs it)
			get(URI.create(location).getPath());
		}
		return response;
	}

	Response send(String method, String path, String body, String contentType, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		this.headers.forEach(request::header);
		headers.forEach(request::header);
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String name = pair.substring(0, equals).strip();
				String value = pair.substring(equals + 1).strip();
				if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
			return new Response(response.statusCode(), response.body(), response.headers());
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
