package dev.homebudget.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP hardening settings.
 *
 * @param maxBodySize largest request body accepted; larger bodies get 413
 * @param maxImportSize largest body of a CSV import ({@code .../import})
 * @param corsAllowedOrigins origins allowed to call the API from a browser on another
 * origin; empty (the default) means same-origin only
 * @param allowedHosts host names (without port) served besides the loopback names
 * {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; in single-user mode every other
 * {@code Host} is refused, in sign-in mode only when this list is not empty (see
 * {@link AllowedHosts})
 * @param trustedProxies addresses (or CIDR ranges) of reverse proxies whose
 * {@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
 * {@code X-Forwarded-Port} are believed; empty (the default) means none are
 * @param publicUrl the address users open the app at (e.g.
 * {@code https://budget.example}); invitation links are built from it, and its origin
 * counts as the app's own; blank means unknown
 */
@ConfigurationProperties("budget.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("20MB") DataSize maxImportSize,
		@DefaultValue("") List<String> corsAllowedOrigins, @DefaultValue("") List<String> allowedHosts,
		@DefaultValue("") List<String> trustedProxies, String publicUrl) {

	public HttpProperties {
		corsAllowedOrigins = corsAllowedOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList();
		for (String origin : corsAllowedOrigins) {
			if (origin.equals("*")) {
				throw new IllegalArgumentException(
						"budget.http.cors-allowed-origins must list origins explicitly; '*' is not allowed");
			}
		}
		allowedHosts = allowedHosts.stream()
			.map(String::strip)
			.filter((host) -> !host.isEmpty())
			.map(HttpProperties::allowedHost)
			.toList();
		trustedProxies = trustedProxies.stream().map(String::strip).filter((p) -> !p.isEmpty()).toList();
		publicUrl = (publicUrl == null || publicUrl.isBlank()) ? null : publicUrl(publicUrl.strip());
	}

	private static String allowedHost(String entry) {
		String host = AllowedHosts.hostName(entry);
		if (host == null || host.contains("/") || host.contains("*")) {
			throw new IllegalArgumentException("budget.http.allowed-hosts: '" + entry
					+ "' is not a host name (list names such as budget.example, without scheme or wildcard)");
		}
		return host;
	}

	/**
	 * An absolute http(s) URL without query or fragment, kept without a trailing slash.
	 */
	private static String publicUrl(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
					&& uri.getFragment() == null && uri.getUserInfo() == null) {
				return url.replaceAll("/+$", "");
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw new IllegalArgumentException("budget.http.public-url: '" + url
				+ "' is not an http(s) address such as https://budget.example (no query, fragment or user)");
	}

}
