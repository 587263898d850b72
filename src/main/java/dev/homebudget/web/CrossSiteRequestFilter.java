package dev.homebudget.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that change data (every method but GET, HEAD, OPTIONS and TRACE, on
 * every route, in both auth modes) when a browser says they come from another site:
 * <ul>
 * <li>with Fetch Metadata (every current browser): {@code Sec-Fetch-Site: cross-site} or
 * {@code same-site} (another origin on a sibling name or port) is refused unless the
 * {@code Origin} is on the CORS allow-list; {@code same-origin} and {@code none} (typed
 * by the user) pass. The browser decides this from the real origins, which also covers
 * the app's own pages: under {@code Referrer-Policy: no-referrer} their form posts and
 * fetches carry {@code Origin: null};</li>
 * <li>without it: an {@code Origin} header that is neither the app's own origin (the
 * scheme, host and port the request was made to, after the forwarded headers of trusted
 * proxies are applied), nor the origin of {@code budget.http.public-url}, nor on the CORS
 * allow-list ({@code Origin: null} included) is refused.</li>
 * </ul>
 * Such a request gets 403 with the v1 body. Requests with neither header (curl, scripts)
 * pass: browsers send {@code Origin} with every fetch or form that is not a GET.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class CrossSiteRequestFilter extends OncePerRequestFilter {

	static final String DETAIL = "Requests from another site may not change data";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Set<String> allowedOrigins;

	private final Set<String> trustedOrigins;

	CrossSiteRequestFilter(HttpProperties properties) {
		this.allowedOrigins = new LinkedHashSet<>();
		properties.corsAllowedOrigins().forEach((origin) -> this.allowedOrigins.add(normalize(origin)));
		this.trustedOrigins = new LinkedHashSet<>(this.allowedOrigins);
		if (properties.publicUrl() != null) {
			this.trustedOrigins.add(normalize(properties.publicUrl()));
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isCrossSite(request)) {
			ErrorBody.write(response, HttpStatus.FORBIDDEN, DETAIL);
			return;
		}
		chain.doFilter(request, response);
	}

	boolean isCrossSite(HttpServletRequest request) {
		String originHeader = request.getHeader("Origin");
		String origin = (originHeader != null) ? normalize(originHeader) : null;
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			String lower = site.strip().toLowerCase(Locale.ROOT);
			if (lower.equals("same-origin") || lower.equals("none")) {
				return false;
			}
			return origin == null || !this.allowedOrigins.contains(origin);
		}
		if (originHeader == null) {
			return false;
		}
		return origin == null || !(origin.equals(ownOrigin(request)) || this.trustedOrigins.contains(origin));
	}

	/** The origin the request was made to: scheme, host and port. */
	static String ownOrigin(HttpServletRequest request) {
		return origin(request.getScheme(), request.getServerName(), request.getServerPort());
	}

	/**
	 * {@code scheme://host[:port]} in lower case, the port left out when it is the
	 * scheme's default; null for {@code null} and anything that is not an http(s) origin.
	 */
	static String normalize(String value) {
		try {
			URI uri = new URI(value.strip());
			if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
				return null;
			}
			return origin(uri.getScheme(), uri.getHost(), uri.getPort());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String origin(String scheme, String host, int port) {
		String lowerScheme = scheme.toLowerCase(Locale.ROOT);
		String lowerHost = host.toLowerCase(Locale.ROOT);
		if (lowerHost.contains(":") && !lowerHost.startsWith("[")) {
			lowerHost = "[" + lowerHost + "]";
		}
		boolean defaultPort = port < 0 || (lowerScheme.equals("http") && port == 80)
				|| (lowerScheme.equals("https") && port == 443);
		return lowerScheme + "://" + lowerHost + (defaultPort ? "" : ":" + port);
	}

}
