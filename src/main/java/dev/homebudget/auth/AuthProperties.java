package dev.homebudget.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings (see application.yml for the environment variables).
 *
 * @param mode single-user (no sign-in) or sign-in
 * @param minPasswordLength shortest password {@code ./hbw user} and the password change
 * accept
 * @param secureCookies {@code true}: session and CSRF cookies always carry
 * {@code Secure}; {@code false} (default): only when the request came over HTTPS (also
 * behind a proxy that sends {@code X-Forwarded-Proto}, with
 * {@code server.forward-headers-strategy})
 * @param loginThrottle failed sign-ins allowed per account and per client address
 * @param apiRateLimit each signed-in user's API request bucket
 */
@ConfigurationProperties("budget.auth")
public record AuthProperties(@DefaultValue("single-user") AuthMode mode, @DefaultValue("10") int minPasswordLength,
		boolean secureCookies, @DefaultValue LoginThrottle loginThrottle, @DefaultValue ApiRateLimit apiRateLimit) {

	/**
	 * Failed sign-ins: after {@code maxFailuresPerAccount} failures for one username, or
	 * {@code maxFailuresPerAddress} from one client address, within {@code window}, every
	 * sign-in for that username or from that address (the right password included) gets
	 * 429 until the window ends.
	 *
	 * @param maxFailuresPerAccount failures per username per window
	 * @param maxFailuresPerAddress failures per client address per window (higher: a
	 * household may share one address)
	 * @param window length of the window
	 */
	public record LoginThrottle(@DefaultValue("5") int maxFailuresPerAccount,
			@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("60s") Duration window) {

	}

	/**
	 * A token bucket per signed-in user for {@code /api/**}: {@code burst} requests at
	 * once, refilled at {@code perSecond}; beyond it 429 with Retry-After. Other users
	 * are not affected.
	 *
	 * @param burst bucket size
	 * @param perSecond refill rate
	 */
	public record ApiRateLimit(@DefaultValue("120") int burst, @DefaultValue("20") int perSecond) {

	}

}
