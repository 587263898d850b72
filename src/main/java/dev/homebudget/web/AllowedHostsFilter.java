package dev.homebudget.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only requests whose {@code Host} header names a trusted host
 * ({@link AllowedHosts}); any other gets 421 with the v1 body. Checked on the header as
 * received (forwarded headers do not change it: a rebinding page could send those too). A
 * request without a {@code Host} header (HTTP/1.0, never a browser) passes.
 * <p>
 * Whether it is on depends on the auth mode (single-user: always), so it is registered by
 * the auth configuration rather than found as a component.
 */
public class AllowedHostsFilter extends OncePerRequestFilter {

	static final String DETAIL = "This server does not answer to the host name in the Host header; "
			+ "add it to budget.http.allowed-hosts to serve it";

	private final AllowedHosts hosts;

	public AllowedHostsFilter(AllowedHosts hosts) {
		this.hosts = hosts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = request.getHeader("Host");
		if (host != null && !this.hosts.isTrusted(host)) {
			ErrorBody.write(response, HttpStatus.MISDIRECTED_REQUEST, DETAIL);
			return;
		}
		chain.doFilter(request, response);
	}

}
