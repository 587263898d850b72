package dev.homebudget.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per account and per client address (T30). Each key has a bucket of
 * {@code max-failures} tokens refilled all at once every {@code window}; a failure takes
 * a token. While a key's bucket is empty every sign-in for it is refused, the right
 * password included, so guessing cannot continue by luck of timing.
 * <p>
 * The account is the one the name resolves to, the way sign-in resolves it (case and
 * surrounding whitespace ignored), so no spelling of a name ({@code "Carol"},
 * {@code "carol "}, a tab or a line break around it) gets a bucket of its own; and an
 * account's bucket is never pushed out by made-up names. Unknown usernames are counted
 * like real ones (by their canonical spelling), so the answers do not tell which accounts
 * exist.
 */
@Component
public class LoginThrottle {

	private static final int TRACKED_KEYS = 10_000;

	/** Buckets of existing accounts: as many as there are accounts, never forgotten. */
	private final Buckets accounts;

	/** Buckets of names that are no account, the least recently used forgotten. */
	private final Buckets unknownNames;

	private final Buckets addresses;

	private final UserAccounts users;

	LoginThrottle(AuthProperties properties, UserAccounts users) {
		AuthProperties.LoginThrottle settings = properties.loginThrottle();
		this.users = users;
		this.accounts = new Buckets(Integer.MAX_VALUE,
				() -> bucket(settings.maxFailuresPerAccount(), settings.window()));
		this.unknownNames = new Buckets(TRACKED_KEYS,
				() -> bucket(settings.maxFailuresPerAccount(), settings.window()));
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
		long nanos = Math.max(waitNanos(account(username)), waitNanos(this.addresses.peek(address)));
		return (nanos > 0) ? OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L))
				: OptionalLong.empty();
	}

	public void recordFailure(String username, String address) {
		String canonical = UserAccounts.canonical(username);
		Optional<Integer> id = this.users.idOf(canonical);
		Bucket bucket = id.isPresent() ? this.accounts.get("id:" + id.get()) : this.unknownNames.get(canonical);
		bucket.tryConsume(1);
		this.addresses.get(address).tryConsume(1);
	}

	/** The bucket of the account (or unknown name) a sign-in names, if it has one. */
	private Bucket account(String username) {
		String canonical = UserAccounts.canonical(username);
		Optional<Integer> id = this.users.idOf(canonical);
		return id.isPresent() ? this.accounts.peek("id:" + id.get()) : this.unknownNames.peek(canonical);
	}

	private static long waitNanos(Bucket bucket) {
		if (bucket == null) {
			return 0;
		}
		return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
	}

}
