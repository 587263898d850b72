package dev.homebudget.auth;

import java.io.IOException;

import dev.homebudget.config.AppProperties;
import dev.homebudget.config.StorageMode;
import jakarta.servlet.DispatcherType;
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
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsUtils;

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
 * and must send the session's CSRF token on every change: in the {@code X-XSRF-TOKEN}
 * header on the API (never from a query or form parameter there), or in the {@code _csrf}
 * field of the sign-in and sign-out forms. The token is kept in the session (so a page on
 * a sibling name or another port of the host, which can plant cookies, can neither plant
 * nor learn it) and handed to the page's script by {@code GET /api/v1/csrf}. It is not
 * masked (BREACH masking protects tokens rendered into pages, and this one never is).
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

	/** The header the session's CSRF token travels in. */
	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	/** Token requests, except {@code /metrics}, whose bearer secret is its own. */
	private static final RequestMatcher TOKEN_REQUESTS = (request) -> BearerTokenFilter.hasBearer(request)
			&& !"/metrics".equals(AuthResponses.path(request));

	/** Reachable without signing in, in sign-in mode too. */
	private static final String[] PUBLIC_GETS = { "/api/v1/health", "/api/v1/health/live", "/api/v1/health/ready",
			"/api/v1/csrf", "/metrics", "/login", "/ui/**", "/webjars/**", "/openapi.json", "/openapi.json/**", "/docs",
			"/docs/**", "/swagger-ui/**", "/favicon.ico",
			// the service worker that makes the app installable: its page says "offline",
			// nothing of a household's
			"/sw.js",
			// a calendar feed: its secret URL is the key (see the schedule module)
			"/api/v1/calendar/*.ics" };

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
		HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
		csrfTokens.setHeaderName(CSRF_HEADER);
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
				.csrfTokenRequestHandler(new HeaderOnlyOnTheApi())
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
	 * The CSRF token is read from the {@code X-XSRF-TOKEN} header only on the API, never
	 * from a query or form parameter (a link or a planted form could carry those);
	 * elsewhere (the sign-in and sign-out forms) the {@code _csrf} field also counts.
	 */
	static final class HeaderOnlyOnTheApi extends CsrfTokenRequestAttributeHandler {

		@Override
		public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
			if (API.matches(request)) {
				return request.getHeader(token.getHeaderName());
			}
			return super.resolveCsrfTokenValue(request, token);
		}

	}

}
