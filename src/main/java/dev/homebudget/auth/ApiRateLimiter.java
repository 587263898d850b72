package dev.homebudget.auth;

import java.time.Duration;
import java.util.OptionalLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * One token bucket per signed-in user for API requests: {@code burst} at once, refilled
 * at {@code per-second}. A user beyond it waits; other users are not affected (T30).
 */
@Component
public class ApiRateLimiter {

	private static final int TRACKED_USERS = 10_000;

	private final Buckets buckets;

	ApiRateLimiter(AuthProperties properties) {
		AuthProperties.ApiRateLimit settings = properties.apiRateLimit();
		this.buckets = new Buckets(TRACKED_USERS,
				() -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(settings.burst())
						.refillGreedy(settings.perSecond(), Duration.ofSeconds(1)))
					.build());
	}

	/**
	 * Takes one request from the user's bucket.
	 * @return empty when the request may go ahead, else the seconds to wait
	 */
	public OptionalLong tryAcquire(int userId) {
		ConsumptionProbe probe = this.buckets.get(Integer.toString(userId)).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
	}

}
