package dev.homebudget.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.Households;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a POST at most once per {@code Idempotency-Key}
 * (draft-ietf-httpapi-idempotency-key-header). The key is inserted in the same
 * transaction as the row the request creates, so "one row per key" is a database
 * guarantee: a concurrent retry blocks on the key's index entry and, after
 * {@code in-flight-wait}, gets 409; a later retry with the same body gets the stored
 * status and body again ({@code Idempotent-Replayed: true}); the same key with another
 * body gets 422. Requests that fail validation never reach this and store nothing.
 */
@Service
public class IdempotentRequests {

	public static final String HEADER = "Idempotency-Key";

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final IdempotencyProperties properties;

	private final CurrentHousehold household;

	private final CurrentUser currentUser;

	IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json,
			IdempotencyProperties properties, CurrentHousehold household, CurrentUser currentUser) {
		this.household = household;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Runs {@code action} once for this key and request body, or replays its stored
	 * response.
	 * @param key the header's value; null runs the action plainly
	 * @param requestScope method and route, e.g. {@code POST /api/v1/expense}
	 * @param body the raw request body, fingerprinted to recognise a reused key
	 * @param etag ETag of the response, or null for none
	 */
	public ResponseEntity<String> execute(String key, String requestScope, byte[] body, String etag,
			Supplier<Object> action) {
		return execute(key, requestScope, body, HttpStatus.OK, etag, action);
	}

	/**
	 * As {@link #execute(String, String, byte[], String, Supplier)}, answering with
	 * {@code status} (201 for a created resource), the first time and on every replay.
	 */
	public ResponseEntity<String> execute(String key, String requestScope, byte[] body, HttpStatus status, String etag,
			Supplier<Object> action) {
		if (key == null) {
			return respond(status, this.json.writeValueAsString(action.get()), false, etag);
		}
		if (!KEY.matcher(key).matches()) {
			throw new RequestValidationException(new ValidationIssue("value_error", List.of("header", HEADER),
					"Value error, the key must be 1 to 255 visible ASCII characters", key, null));
		}
		String scope = scope(requestScope);
		String hash = fingerprint(scope, body);
		return this.transactions.execute((transaction) -> {
			if (!claim(scope, key, hash)) {
				return replay(scope, key, hash, etag);
			}
			String response = this.json.writeValueAsString(action.get());
			this.jdbc
				.sql("UPDATE idempotency_keys SET response_status = :status, response_body = :body "
						+ "WHERE scope = :scope AND key = :key")
				.param("status", status.value())
				.param("body", response)
				.param("scope", scope)
				.param("key", key)
				.update();
			return respond(status, response, false, etag);
		});
	}

	/**
	 * Keys are per user and household: another user's key (a viewer replaying an owner's,
	 * say) or another household's must neither replay its response nor block this
	 * request. Single-user mode keeps the scopes of the releases before accounts.
	 */
	private String scope(String requestScope) {
		int household = this.household.forReading();
		Optional<SignedInUser> user = this.currentUser.get();
		if (user.isPresent()) {
			return "user " + user.get().id() + " household " + household + " " + requestScope;
		}
		return (household != Households.FIRST) ? "household " + household + " " + requestScope : requestScope;
	}

	/**
	 * Inserts the key; false when it exists. Waits only briefly for a first request in
	 * flight.
	 */
	private boolean claim(String scope, String key, String hash) {
		String sessionLockTimeout = this.jdbc.sql("SELECT current_setting('lock_timeout')")
			.query(String.class)
			.single();
		setLockTimeout(this.properties.inFlightWait().toMillis() + "ms");
		Optional<Integer> inserted;
		try {
			this.jdbc
				.sql("DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND created_at < now() - "
						+ "make_interval(secs => :ttl)")
				.param("scope", scope)
				.param("key", key)
				.param("ttl", this.properties.ttl().toSeconds())
				.update();
			inserted = this.jdbc
				.sql("INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (:scope, :key, :hash) "
						+ "ON CONFLICT (scope, key) DO NOTHING RETURNING 1")
				.param("scope", scope)
				.param("key", key)
				.param("hash", hash)
				.query(Integer.class)
				.optional();
		}
		catch (PessimisticLockingFailureException ex) {
			// the first request holds the key's index entry: it is still running
			throw new ApiException(HttpStatus.CONFLICT,
					"A request with this Idempotency-Key is still being processed; retry shortly");
		}
		setLockTimeout(sessionLockTimeout);
		return inserted.isPresent();
	}

	/** Transaction-local, so it never leaks into the pooled connection. */
	private void setLockTimeout(String value) {
		this.jdbc.sql("SELECT set_config('lock_timeout', :value, true)")
			.param("value", value)
			.query(String.class)
			.single();
	}

	private ResponseEntity<String> replay(String scope, String key, String hash, String etag) {
		Stored stored = this.jdbc
			.sql("SELECT request_hash, response_status, response_body FROM idempotency_keys "
					+ "WHERE scope = :scope AND key = :key")
			.param("scope", scope)
			.param("key", key)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.single();
		if (!stored.hash().equals(hash)) {
			throw new RequestValidationException(
					new ValidationIssue("idempotency_key_reused", List.of("header", HEADER),
							"This Idempotency-Key was already used with a different request", key, null));
		}
		return respond(HttpStatus.valueOf(stored.status()), stored.body(), true, etag);
	}

	/** Drops keys past their time to live. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void deleteExpired() {
		this.jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => :ttl)")
			.param("ttl", this.properties.ttl().toSeconds())
			.update();
	}

	private static ResponseEntity<String> respond(HttpStatus status, String body, boolean replayed, String etag) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
		if (etag != null) {
			response.eTag(etag);
		}
		if (replayed) {
			response.header(REPLAYED_HEADER, "true");
		}
		return response.body(body);
	}

	private static String fingerprint(String scope, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(scope.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update((body != null) ? body : new byte[0]);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	private record Stored(String hash, int status, String body) {
	}

}
