package dev.homebudget.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.homebudget.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code hbw_} and 32 random bytes in base64url (256 bits). Only the
 * SHA-256 of a token is stored. A fast hash is enough here, unlike for passwords: the
 * secret is random with 256 bits of entropy, so there is no dictionary to try and slowing
 * each guess down buys nothing; it also lets every API request look its token up by an
 * index instead of comparing against every stored hash.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "hbw_";

	private static final int SECRET_BYTES = 32;

	static final int MAX_NAME_LENGTH = 100;

	/** Tokens one account may hold; keeps the token list short. */
	static final int MAX_PER_USER = 100;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new token, shown to its owner this once.
	 *
	 * @param token what the list shows
	 * @param secret the whole token, to send as {@code Authorization: Bearer <secret>}
	 */
	public record Created(ApiToken token, String secret) {

	}

	/** A token that never expires. */
	@Transactional
	public Created create(int userId, String name) {
		return create(userId, name, null);
	}

	/**
	 * A new token.
	 * @param validFor how long it works, or null for no expiry
	 */
	@Transactional
	public Created create(int userId, String name, Duration validFor) {
		this.jdbc.sql("SELECT id FROM users WHERE id = :user FOR UPDATE")
			.param("user", userId)
			.query(Integer.class)
			.optional();
		long held = this.jdbc.sql("SELECT count(*) FROM api_tokens WHERE user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single();
		if (held >= MAX_PER_USER) {
			throw new ApiException(HttpStatus.CONFLICT,
					"You have " + MAX_PER_USER + " API tokens, the most one account may hold; revoke one first");
		}
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = this.jdbc
			.sql("INSERT INTO api_tokens (user_id, name, token_sha256, expires_at) VALUES (:user, :name, :hash, "
					+ "now() + make_interval(secs => CAST(:seconds AS bigint))) RETURNING " + COLUMNS)
			.param("user", userId)
			.param("name", name)
			.param("hash", sha256(secret))
			.param("seconds", (validFor != null) ? validFor.toSeconds() : null, java.sql.Types.BIGINT)
			.query(ApiTokens::token)
			.single();
		return new Created(token, secret);
	}

	public List<ApiToken> list(int userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE user_id = :user ORDER BY id LIMIT :max")
			.param("user", userId)
			.param("max", MAX_PER_USER)
			.query(ApiTokens::token)
			.list();
	}

	private static final String COLUMNS = "id, name, created_at, last_used_at, expires_at";

	private static ApiToken token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ApiToken(rs.getInt("id"), rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class));
	}

	/**
	 * Revokes every token of the user (after a password change, or to clean up an account
	 * that may be in someone else's hands).
	 * @return how many there were
	 */
	@Transactional
	public int revokeAll(int userId) {
		return this.jdbc.sql("DELETE FROM api_tokens WHERE user_id = :user").param("user", userId).update();
	}

	/**
	 * Revokes one of the user's tokens; the next request with it is refused.
	 * @return whether the user had a token with this id (another user's id is "no")
	 */
	@Transactional
	public boolean revoke(int userId, int tokenId) {
		return this.jdbc.sql("DELETE FROM api_tokens WHERE id = :id AND user_id = :user")
			.param("id", tokenId)
			.param("user", userId)
			.update() == 1;
	}

	/**
	 * The owner of a presented token, if it exists and has not expired. Records the use
	 * at most once a minute per token, so that a busy script does not turn every read
	 * into a write.
	 */
	@Transactional
	public Optional<SignedInUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(secret);
		Optional<SignedInUser> owner = this.jdbc
			.sql("SELECT u.id, u.username, t.name FROM api_tokens t JOIN users u ON u.id = t.user_id "
					+ "WHERE t.token_sha256 = :hash AND (t.expires_at IS NULL OR t.expires_at > now())")
			.param("hash", hash)
			.query((rs, row) -> new SignedInUser(rs.getInt("id"), rs.getString("username"), null, rs.getString("name")))
			.optional();
		if (owner.isPresent()) {
			this.jdbc
				.sql("UPDATE api_tokens SET last_used_at = now() WHERE token_sha256 = :hash "
						+ "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
				.param("hash", hash)
				.update();
		}
		return owner;
	}

	static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
