package dev.homebudget.auth;

import java.io.IOException;

import dev.homebudget.config.AppProperties;
import dev.homebudget.config.StorageMode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP security of each auth mode.
 * <p>
 * Single-user: nothing changes for any request (no sign-in, no session, no CSRF), as
 * before this mode existed; startup is refused unless the server is bound to a loopback
 * address (or runs a JSON-era phase).
 * <p>
 * Sign-in: health and metrics stay as they were (public, with their own loopback rules);
 * the API answers 401 with the v1 body and a Bearer challenge, never a redirect; pages
 * redirect to the sign-in page. Browser sessions carry an HttpOnly, SameSite=Lax cookie
 * and must echo the {@code XSRF-TOKEN} cookie in an {@code X-XSRF-TOKEN} header (or
 * {@code _csrf} field) on every change. The cookie token is not masked (BREACH masking
 * protects tokens rendered into pages, and this one never is).
 * <p>
 * Requests with {@code Authorization: Bearer} have a filter chain of their own, in both
 * modes: stateless (the token is the credential of that one request: no session is
 * created, read or saved, no cookie is set), and without CSRF checks (there is no cookie
 * a forger could borrow). {@code /metrics} is left out of it: its bearer secret is not an
 * API token (see {@code MetricsController}).
 * <p>
 * Spring Security's own response headers are off: {@code SecurityHeadersFilter} already
 * sets them for every response, errors included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final RequestMatcher API = AuthResponses::isApi;

	/** Token requests, except {@code /metrics}, whose bearer secret is its own. */
	private static final RequestMatcher TOKEN_REQUESTS = (request) -> BearerTokenFilter.hasBearer(request)
			&& !"/metrics".equals(AuthResponses.path(request));

	/** Reachable without signing in, in sign-in mode too. */
	private static final String[] PUBLIC_GETS = { "/api/v1/health", "/api/v1/health/live", "/api/v1/health/ready",
			"/metrics", "/login", "/ui/**", "/webjars/**", "/openapi.json", "/openapi.json/**", "/docs", "/docs/**",
			"/swagger-ui/**", "/favicon.ico" };

	/**
	 * Token requests: the token's owner for this request only. Ordered first, so that a
	 * bearer request never reaches the session chain (whose session management would save
	 * the token's authentication in a new session: a cookie that outlived the token).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain tokenFilterChain(HttpSecurity http, AuthProperties properties, ApiTokens tokens,
			ApiRateLimiter rateLimiter, CurrentUser currentUser) throws Exception {
		http.securityMatcher(TOKEN_REQUESTS).headers((headers) -> headers.disable());
		if (properties.mode() == AuthMode.SINGLE_USER) {
			return singleUser(http);
		}
		return http.authorizeHttpRequests(SecurityConfiguration::authorize)
			.csrf((csrf) -> csrf.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, exception) -> AuthResponses.notAuthenticated(response))
				.accessDeniedHandler((request, response, denied) -> AuthResponses.write(response, 403, "Forbidden")))
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new ApiRateLimitFilter(rateLimiter, currentUser), AuthorizationFilter.class)
			.build();
	}

	/** Everything else: browser sessions (sign-in mode), or nobody (single-user mode). */
	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthProperties properties, AppProperties app,
			StorageMode storage, LoginThrottle loginThrottle, ApiRateLimiter rateLimiter, CurrentUser currentUser,
			SessionRegistry sessions) throws Exception {
		SingleUserBinding.check(properties.mode(), app.host(), storage.phase());
		http.headers((headers) -> headers.disable());
		if (properties.mode() == AuthMode.SINGLE_USER) {
			if (!SingleUserBinding.isLoopback(app.host())) {
				logger.warn("Single-user mode (no sign-in) on {} is allowed only because the storage phase is {}",
						app.host(), storage.phase());
			}
			return singleUser(http);
		}
		LoginThrottleFilter loginThrottleFilter = new LoginThrottleFilter(loginThrottle);
		CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookieCustomizer((cookie) -> {
			cookie.sameSite("Lax");
			if (properties.secureCookies()) {
				cookie.secure(true);
			}
		});
		HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
		pagesOnly.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && !API.matches(request));
		return http.authorizeHttpRequests(SecurityConfiguration::authorize)
			.formLogin((form) -> form.loginPage(LoginThrottleFilter.LOGIN)
				.loginProcessingUrl(LoginThrottleFilter.LOGIN)
				.defaultSuccessUrl("/")
				.failureHandler(loginThrottleFilter.failureHandler())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl(LoginThrottleFilter.LOGIN + "?signed-out"))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(SecurityConfiguration::apiWithoutSession))
			.exceptionHandling((errors) -> errors
				.defaultAuthenticationEntryPointFor(
						(request, response, exception) -> AuthResponses.notAuthenticated(response), API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LoginThrottleFilter.LOGIN),
						(request) -> true)
				.defaultAccessDeniedHandlerFor(
						(request, response, denied) -> AuthResponses.write(response, 403,
								(denied instanceof CsrfException) ? "CSRF token missing or invalid" : "Forbidden"),
						API))
			.requestCache((cache) -> cache.requestCache(pagesOnly))
			.sessionManagement((session) -> session.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredSessionStrategy((expired) -> sessionEnded(expired.getRequest(), expired.getResponse())))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(loginThrottleFilter, UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new ApiRateLimitFilter(rateLimiter, currentUser), AuthorizationFilter.class)
			.build();
	}

	/**
	 * Single-user mode: nothing changes for any request (no sign-in, no session, no
	 * CSRF).
	 */
	private static SecurityFilterChain singleUser(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/** Sign-in mode: public pages, health and metrics; everything else needs a user. */
	private static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers(HttpMethod.GET, PUBLIC_GETS)
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, PUBLIC_GETS)
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			// CORS preflights carry no credentials; the allow-list answers them
			.requestMatchers(CorsUtils::isPreFlightRequest)
			.permitAll()
			.anyRequest()
			.authenticated();
	}

	/**
	 * Every signed-in session, so that a password change can end the user's other
	 * sessions (see {@link AccountController}).
	 */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the registry when sessions end or change id. */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * A session ended by a password change: 401 for the API, the sign-in page otherwise.
	 */
	private static void sessionEnded(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (API.matches(request)) {
			AuthResponses.notAuthenticated(response);
		}
		else {
			response.sendRedirect(request.getContextPath() + LoginThrottleFilter.LOGIN);
		}
	}

	/**
	 * An API request that carries neither a session cookie nor a token has no credentials
	 * a forger could borrow: it gets the 401 of an unauthenticated call, not a CSRF 403.
	 */
	private static boolean apiWithoutSession(HttpServletRequest request) {
		return API.matches(request) && request.getRequestedSessionId() == null;
	}

	/**
	 * Spring Security creates the CSRF token lazily; a page needs its cookie before its
	 * first change, so it is created on every browser request.
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
