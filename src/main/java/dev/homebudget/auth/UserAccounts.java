package dev.homebudget.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.homebudget.ledger.Households;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: adding them, listing them, checking and changing their passwords. Passwords
 * only ever reach the database as {@link PasswordEncoder} hashes (bcrypt by default).
 */
@Service
public class UserAccounts {

	/** Letters, digits and {@code . _ @ -}: safe in logs, URLs and the CLI. */
	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

	/** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
	static final int MAX_PASSWORD_BYTES = 72;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuthProperties properties;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuthProperties properties) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
	}

	@Transactional
	public UserAccount add(String username, CharSequence password) {
		if (padded(username)) {
			throw new AccountException("A username cannot begin or end with spaces or other blank characters.");
		}
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new AccountException("A username is 1 to 64 letters, digits or . _ @ - characters.");
		}
		checkPassword(password);
		UserAccount account;
		try {
			account = this.jdbc
				.sql("INSERT INTO users (username, password_hash) VALUES (:username, :hash) "
						+ "RETURNING id, username, created_at")
				.param("username", username)
				.param("hash", this.passwordEncoder.encode(password))
				.query((rs, row) -> new UserAccount(rs.getInt("id"), rs.getString("username"),
						rs.getObject("created_at", java.time.OffsetDateTime.class)))
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new AccountException("An account named '" + username + "' already exists (names ignore case).");
		}
		joinFirstOrOwnHousehold(account);
		return account;
	}

	/**
	 * The first account owns the first household (all data from before accounts); every
	 * later one gets a household of its own and sees nothing of the others' until
	 * invited. The first household's row is locked, so two first accounts cannot both
	 * take it.
	 */
	private void joinFirstOrOwnHousehold(UserAccount account) {
		this.jdbc.sql("SELECT id FROM households WHERE id = :first FOR UPDATE")
			.param("first", Households.FIRST)
			.query(Integer.class)
			.optional();
		boolean firstIsOwned = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM household_members WHERE household_id = :first)")
			.param("first", Households.FIRST)
			.query(Boolean.class)
			.single();
		int household = Households.FIRST;
		if (firstIsOwned) {
			household = this.jdbc.sql("INSERT INTO households (name) VALUES (:name) RETURNING id")
				.param("name", account.username() + "'s household")
				.query(Integer.class)
				.single();
		}
		this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:household, :user, 'owner')")
			.param("household", household)
			.param("user", account.id())
			.update();
		this.jdbc.sql("UPDATE users SET current_household_id = :household WHERE id = :user")
			.param("household", household)
			.param("user", account.id())
			.update();
	}

	/**
	 * Sets an account's password (a forgotten one, or one someone else may know), and
	 * revokes its API tokens unless told to keep them.
	 * @return how many tokens were revoked
	 */
	@Transactional
	public int setPassword(String username, CharSequence password, boolean revokeTokens) {
		checkPassword(password);
		this.jdbc.sql("SELECT password_hash FROM users WHERE lower(username) = :key FOR UPDATE")
			.param("key", key(username))
			.query(String.class)
			.optional()
			.filter((hash) -> this.passwordEncoder.matches(password, hash))
			.ifPresent((hash) -> {
				throw new AccountException(SAME_PASSWORD);
			});
		Optional<Integer> id = this.jdbc
			.sql("UPDATE users SET password_hash = :hash, password_changed_at = now() "
					+ "WHERE lower(username) = :key RETURNING id")
			.param("hash", this.passwordEncoder.encode(password))
			.param("key", key(username))
			.query(Integer.class)
			.optional();
		if (id.isEmpty()) {
			throw new AccountException("There is no account named '" + username + "'.");
		}
		return revokeTokens ? revokeTokens(id.get()) : 0;
	}

	/** Revokes every API token of the user; how many there were. */
	int revokeTokens(int userId) {
		return this.jdbc.sql("DELETE FROM api_tokens WHERE user_id = :user").param("user", userId).update();
	}

	/** Whether {@code password} is the user's current password. */
	boolean passwordMatches(int userId, CharSequence password) {
		Optional<String> hash = this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.optional();
		return password != null && hash.isPresent() && this.passwordEncoder.matches(password, hash.get());
	}

	/** What became of a password change. */
	public enum Change {

		/** The new password is set. */
		CHANGED,
		/** The current password given was wrong: nothing changed. */
		WRONG_CURRENT,
		/** The new password is the current one: nothing changed. */
		SAME_AS_CURRENT

	}

	/**
	 * Changes a signed-in user's password after checking the current one; the new one
	 * must differ from it.
	 */
	@Transactional
	public Change changePassword(int userId, CharSequence currentPassword, CharSequence newPassword) {
		Optional<String> hash = this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id FOR UPDATE")
			.param("id", userId)
			.query(String.class)
			.optional();
		if (hash.isEmpty() || !this.passwordEncoder.matches(currentPassword, hash.get())) {
			return Change.WRONG_CURRENT;
		}
		checkPassword(newPassword);
		if (newPassword.toString().contentEquals(currentPassword)) {
			return Change.SAME_AS_CURRENT;
		}
		this.jdbc.sql("UPDATE users SET password_hash = :hash, password_changed_at = now() WHERE id = :id")
			.param("hash", this.passwordEncoder.encode(newPassword))
			.param("id", userId)
			.update();
		return Change.CHANGED;
	}

	public List<UserAccount> list() {
		return this.jdbc.sql("SELECT id, username, created_at FROM users ORDER BY id")
			.query((rs, row) -> new UserAccount(rs.getInt("id"), rs.getString("username"),
					rs.getObject("created_at", java.time.OffsetDateTime.class)))
			.list();
	}

	/**
	 * The id of the account a canonical name (see {@link #canonical}) belongs to. A name
	 * no account could have is answered without asking the database.
	 */
	Optional<Integer> idOf(String canonical) {
		if (!USERNAME.matcher(canonical).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id FROM users WHERE lower(username) = :key")
			.param("key", canonical)
			.query(Integer.class)
			.optional();
	}

	/**
	 * A name as sign-in resolves it: without what surrounds it (whitespace and control
	 * characters, which sign-in would drop) and in lower case. Every spelling of one
	 * account's name has the same canonical name.
	 */
	static String canonical(String username) {
		if (username == null) {
			return "";
		}
		int start = 0;
		int end = username.length();
		while (start < end && isPadding(username.charAt(start))) {
			start++;
		}
		while (end > start && isPadding(username.charAt(end - 1))) {
			end--;
		}
		return key(username.substring(start, end));
	}

	/**
	 * Whether a name as sent has whitespace or control characters around it: never an
	 * account's name, so such a sign-in is refused as it stands, never trimmed into one.
	 */
	static boolean padded(String username) {
		return username != null && !username.isEmpty()
				&& (isPadding(username.charAt(0)) || isPadding(username.charAt(username.length() - 1)));
	}

	private static boolean isPadding(char c) {
		return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	/** The account and its password hash, for sign-in. */
	Optional<SignedInUser> findForSignIn(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id, username, password_hash FROM users WHERE lower(username) = :key")
			.param("key", key(username))
			.query((rs, row) -> new SignedInUser(rs.getInt("id"), rs.getString("username"),
					rs.getString("password_hash")))
			.optional();
	}

	void checkPassword(CharSequence password) {
		String problem = passwordProblem(password);
		if (problem != null) {
			throw new AccountException(problem);
		}
	}

	/** Why a new password is refused, or {@code null}. */
	String passwordProblem(CharSequence password) {
		int minimum = this.properties.minPasswordLength();
		if (password == null || password.codePoints().count() < minimum) {
			return "A password needs at least " + minimum + " characters.";
		}
		if (password.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return "A password can be at most " + MAX_PASSWORD_BYTES + " bytes long (UTF-8).";
		}
		if (CommonPasswords.contains(password)) {
			return "This password is one of the most common ones, which are tried first: choose another.";
		}
		return null;
	}

	static final String SAME_PASSWORD = "The new password is the current one: choose another.";

	static String key(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

}
