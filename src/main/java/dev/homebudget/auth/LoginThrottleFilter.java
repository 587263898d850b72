package dev.homebudget.auth;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code POST /login} with 429 and Retry-After while the account or the client
 * address has used up its failures (see {@link LoginThrottle}), before the password is
 * even checked, and refuses a username with blanks around it as a failed sign-in. Its
 * {@link #failureHandler()} counts each failed sign-in.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN = "/login";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && LOGIN.equals(AuthResponses.path(request)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		OptionalLong wait = this.throttle.retryAfterSeconds(username, request.getRemoteAddr());
		if (wait.isPresent()) {
			refuse(response, request, wait.getAsLong());
			return;
		}
		if (UserAccounts.padded(username)) {
			// Sign-in would trim the name into an account's: refused as sent, and counted
			// against that account, so padding is no way around its throttle.
			failureHandler().onAuthenticationFailure(request, response,
					new BadCredentialsException("no account has a name with blanks around it"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * 429 as JSON for scripts, and as a short page for a browser (the sign-in form posts
	 * here directly).
	 */
	static void refuse(HttpServletResponse response, HttpServletRequest request, long seconds) throws IOException {
		String sentence = "Too many failed sign-ins. Try again in " + seconds + " seconds.";
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains("text/html")) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(seconds));
			response.setHeader("Cache-Control", "no-store");
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter()
				.write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Home Budget: sign in"
						+ "</title><link rel=\"stylesheet\" href=\"/webjars/bootstrap/5.3.3/css/bootstrap.min.css\">"
						+ "</head><body class=\"container py-5\"><p class=\"alert alert-warning\" role=\"alert\">"
						+ sentence + "</p><a href=\"/login\">Back to sign-in</a></body></html>");
			return;
		}
		AuthResponses.tooManyRequests(response, seconds, sentence);
	}

	/** Counts the failure, then shows the sign-in page again with its message. */
	AuthenticationFailureHandler failureHandler() {
		SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
		return (request, response, exception) -> {
			if (!(exception instanceof AuthenticationServiceException)) {
				this.throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
			}
			redirect.onAuthenticationFailure(request, response, exception);
		};
	}

}
