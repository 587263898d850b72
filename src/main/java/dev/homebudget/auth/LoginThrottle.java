package dev.homebudget.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per username and per client address (T30). Each key has a bucket of
 * {@code max-failures} tokens refilled all at once every {@code window}; a failure takes
 * a token. While a key's bucket is empty every sign-in for it is refused, the right
 * password included, so guessing cannot continue by luck of timing. Unknown usernames are
 * counted like real ones, so the answers do not tell which accounts exist.
 */
@Component
public class LoginThrottle {

	private static final int TRACKED_KEYS = 10_000;

	private final Buckets accounts;

	private final Buckets addresses;

	LoginThrottle(AuthProperties properties) {
		AuthProperties.LoginThrottle settings = properties.loginThrottle();
		this.accounts = new Buckets(TRACKED_KEYS, () -> bucket(settings.maxFailuresPerAccount(), settings.window()));
		this.addresses = new Buckets(TRACKED_KEYS, () -> bucket(settings.maxFailuresPerAddress(), settings.window()));
	}

	private static Bucket bucket(int failures, Duration window) {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(failures).refillIntervally(failures, window))
			.build();
	}

	/**
	 * Seconds until a sign-in for this username from this address may be tried again, or
	 * empty when it may be tried now.
	 */
	public OptionalLong retryAfterSeconds(String username, String address) {
		long nanos = Math.max(waitNanos(this.accounts, key(username)), waitNanos(this.addresses, address));
		return (nanos > 0) ? OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L))
				: OptionalLong.empty();
	}

	public void recordFailure(String username, String address) {
		this.accounts.get(key(username)).tryConsume(1);
		this.addresses.get(address).tryConsume(1);
	}

	private static long waitNanos(Buckets buckets, String key) {
		Bucket bucket = buckets.peek(key);
		if (bucket == null) {
			return 0;
		}
		return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
	}

	private static String key(String username) {
		return (username == null) ? "" : username.toLowerCase(Locale.ROOT);
	}

}
