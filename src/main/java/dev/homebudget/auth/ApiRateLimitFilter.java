package dev.homebudget.auth;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each signed-in user's API requests go through their bucket ({@link ApiRateLimiter});
 * beyond it 429 with Retry-After. Runs after authorization, so only requests that would
 * be served count.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

	private final ApiRateLimiter limiter;

	private final CurrentUser currentUser;

	ApiRateLimitFilter(ApiRateLimiter limiter, CurrentUser currentUser) {
		this.limiter = limiter;
		this.currentUser = currentUser;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !AuthResponses.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<SignedInUser> user = this.currentUser.get();
		if (user.isPresent()) {
			OptionalLong wait = this.limiter.tryAcquire(user.get().id());
			if (wait.isPresent()) {
				AuthResponses.tooManyRequests(response, wait.getAsLong(), "Too many requests");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
