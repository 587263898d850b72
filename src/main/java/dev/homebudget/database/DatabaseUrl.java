package dev.homebudget.database;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the application's database is, parsed from {@code DATABASE_URL}. Two forms are
 * accepted: the original application's {@code postgresql://user:password@host:port/db}
 * (also {@code postgres://}) and a {@code jdbc:postgresql:} URL, used as is.
 * <p>
 * Error messages never repeat the URL: it may hold a password.
 *
 * @param jdbcUrl URL for pgjdbc; for the {@code postgresql://} form it carries no
 * credentials
 * @param username user name, or {@code null} to let the driver choose
 * @param password password, or {@code null}
 * @param displayUrl the URL in {@code postgresql://user:password@host:port/db} form,
 * including the password: mask it before showing it anywhere
 */
record DatabaseUrl(String jdbcUrl, String username, String password, String displayUrl) {

	private static final String EXPECTED = "Expected postgresql://user:password@host:5432/database "
			+ "or jdbc:postgresql://host:5432/database?user=...&password=...";

	private static final String JDBC_PREFIX = "jdbc:postgresql:";

	/** Host, optional port, optional database, optional query; no user information. */
	private static final Pattern HOST_PART = Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+\\]|[^@/?#:\\[\\],]*)"
			+ "(?::(?<port>[^/?#@]*))?(?:/(?<database>[^/?#@]*))?(?:\\?(?<query>.*))?", Pattern.DOTALL);

	/** libpq parameter names whose pgjdbc equivalent is spelled differently. */
	private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of("connect_timeout", "connectTimeout",
			"application_name", "ApplicationName");

	static DatabaseUrl parse(String url) {
		if (url == null || url.isBlank()) {
			throw invalid("it is empty");
		}
		String trimmed = url.strip();
		String lower = trimmed.toLowerCase(Locale.ROOT);
		if (lower.startsWith(JDBC_PREFIX)) {
			return parseJdbc(trimmed);
		}
		if (lower.startsWith("postgresql://")) {
			return parsePostgres(trimmed.substring("postgresql://".length()));
		}
		if (lower.startsWith("postgres://")) {
			return parsePostgres(trimmed.substring("postgres://".length()));
		}
		throw invalid("it does not start with postgresql://, postgres:// or jdbc:postgresql:");
	}

	/** The URL of a server we started ourselves. */
	static DatabaseUrl of(String host, int port, String database, String username, String password) {
		return new DatabaseUrl("jdbc:postgresql://" + host + ":" + port + "/" + database, username, password,
				display(username, password, host + ":" + port, database, ""));
	}

	private static DatabaseUrl parsePostgres(String rest) {
		String userInfo = null;
		Matcher hostPart = HOST_PART.matcher(rest);
		if (!hostPart.matches()) {
			// Passwords may contain '@', so the user information ends at the first '@'
			// after which a plain host[:port][/database][?query] follows.
			for (int at = rest.indexOf('@'); at >= 0; at = rest.indexOf('@', at + 1)) {
				Matcher candidate = HOST_PART.matcher(rest.substring(at + 1));
				if (candidate.matches()) {
					userInfo = rest.substring(0, at);
					hostPart = candidate;
					break;
				}
			}
			if (userInfo == null) {
				throw invalid("it is not of the form postgresql://user:password@host:port/database");
			}
		}
		String host = hostPart.group("host");
		if (host.isEmpty()) {
			throw invalid("it has no host name");
		}
		int port = port(hostPart.group("port"));
		String database = hostPart.group("database");
		if (database == null || database.isEmpty()) {
			throw invalid("it has no database name after the host");
		}
		String username = null;
		String password = null;
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			username = percentDecode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			password = (colon >= 0) ? percentDecode(userInfo.substring(colon + 1)) : null;
		}
		List<String> passedOn = new ArrayList<>();
		for (String parameter : parameters(hostPart.group("query"))) {
			String name = parameterName(parameter);
			String value = parameter.substring(Math.min(parameter.length(), name.length() + 1));
			if (name.equals("user")) {
				username = percentDecode(value);
			}
			else if (name.equals("password")) {
				password = percentDecode(value);
			}
			else {
				passedOn.add(LIBPQ_TO_PGJDBC.getOrDefault(name, name) + (parameter.contains("=") ? "=" + value : ""));
			}
		}
		String query = String.join("&", passedOn);
		String hostAndPort = host + ":" + port;
		String jdbcUrl = "jdbc:postgresql://" + hostAndPort + "/" + database + (query.isEmpty() ? "" : "?" + query);
		return new DatabaseUrl(jdbcUrl, emptyToNull(username), password,
				display(username, password, hostAndPort, database, query));
	}

	private static DatabaseUrl parseJdbc(String url) {
		String rest = url.substring(JDBC_PREFIX.length());
		int question = rest.indexOf('?');
		String base = (question >= 0) ? rest.substring(0, question) : rest;
		String query = (question >= 0) ? rest.substring(question + 1) : "";
		String hosts;
		String database;
		if (base.startsWith("//")) {
			int slash = base.indexOf('/', 2);
			hosts = (slash >= 0) ? base.substring(2, slash) : base.substring(2);
			database = (slash >= 0) ? base.substring(slash + 1) : "";
			if (hosts.isEmpty() || hosts.contains("@")) {
				throw invalid("a jdbc:postgresql: URL needs a host after //, and takes user and password "
						+ "as ?user=...&password=... parameters");
			}
			if (!hosts.contains(",")) {
				int colon = hosts.indexOf(':', hosts.lastIndexOf(']') + 1);
				if (colon < 0) {
					hosts = hosts + ":5432";
				}
				else {
					port(hosts.substring(colon + 1));
				}
			}
		}
		else {
			hosts = "localhost:5432";
			database = base;
		}
		String username = null;
		String password = null;
		List<String> passedOn = new ArrayList<>();
		for (String parameter : parameters(query)) {
			String name = parameterName(parameter);
			// pgjdbc decodes parameter values with URLDecoder; decode the same way.
			String value = parameter.substring(Math.min(parameter.length(), name.length() + 1));
			if (name.equals("user")) {
				username = formDecode(value);
			}
			else if (name.equals("password")) {
				password = formDecode(value);
			}
			else {
				passedOn.add(parameter);
			}
		}
		return new DatabaseUrl(url, emptyToNull(username), password,
				display(username, password, hosts, database, String.join("&", passedOn)));
	}

	/**
	 * Whether the JDBC URL sets this pgjdbc parameter itself (names compared ignoring
	 * case).
	 */
	boolean hasParameter(String name) {
		int question = this.jdbcUrl.indexOf('?');
		if (question < 0) {
			return false;
		}
		return parameters(this.jdbcUrl.substring(question + 1)).stream()
			.anyMatch((parameter) -> parameterName(parameter).equalsIgnoreCase(name));
	}

	private static int port(String text) {
		if (text == null) {
			return 5432;
		}
		try {
			int port = Integer.parseInt(text);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, without echoing text: if the URL was misread it could be a
			// password.
		}
		throw invalid("its port is not a number between 1 and 65535");
	}

	private static List<String> parameters(String query) {
		List<String> parameters = new ArrayList<>();
		if (query != null) {
			for (String parameter : query.split("&")) {
				if (!parameter.isEmpty()) {
					parameters.add(parameter);
				}
			}
		}
		return parameters;
	}

	private static String parameterName(String parameter) {
		int equals = parameter.indexOf('=');
		return (equals >= 0) ? parameter.substring(0, equals) : parameter;
	}

	private static String display(String username, String password, String hosts, String database, String query) {
		StringBuilder display = new StringBuilder("postgresql://");
		if (username != null && !username.isEmpty()) {
			display.append(percentEncode(username));
			if (password != null) {
				display.append(':').append(percentEncode(password));
			}
			display.append('@');
		}
		display.append(hosts).append('/').append(database);
		if (!query.isEmpty()) {
			display.append('?').append(query);
		}
		return display.toString();
	}

	/**
	 * RFC 3986 percent-decoding; unlike {@link URLDecoder} a '+' stays a '+'. A '%' not
	 * followed by two hex digits is kept literally, as people paste raw passwords.
	 */
	static String percentDecode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
					encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.writeBytes(encoded);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String formDecode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	/** Encodes everything but RFC 3986 unreserved characters. */
	static String percentEncode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	private static InvalidDatabaseUrlException invalid(String reason) {
		return new InvalidDatabaseUrlException(
				"Invalid database URL (DATABASE_URL / budget.database.url): " + reason + ". " + EXPECTED);
	}

	/**
	 * The same server, user and parameters, but another database on it (for a scratch
	 * database that a backup is verified in).
	 * @param database a plain identifier
	 */
	DatabaseUrl withDatabase(String database) {
		String rest = this.jdbcUrl.substring(JDBC_PREFIX.length());
		int question = rest.indexOf('?');
		String base = (question >= 0) ? rest.substring(0, question) : rest;
		String query = (question >= 0) ? rest.substring(question) : "";
		String hosts;
		if (base.startsWith("//")) {
			int slash = base.indexOf('/', 2);
			hosts = (slash >= 0) ? base.substring(0, slash) : base;
			base = hosts + "/" + database;
		}
		else {
			base = database;
		}
		String display = this.displayUrl.replaceFirst("^(postgresql://[^/]*)/[^?]*", "$1/" + database);
		return new DatabaseUrl(JDBC_PREFIX + base + query, this.username, this.password, display);
	}

	/** The JDBC URL with a password parameter masked, fit for logs. */
	String safeJdbcUrl() {
		return this.jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1******");
	}

	/** A malformed URL; the message never contains the URL itself. */
	static class InvalidDatabaseUrlException extends IllegalArgumentException {

		InvalidDatabaseUrlException(String message) {
			super(message);
		}

	}

	@Override
	public String toString() {
		return "DatabaseUrl[jdbcUrl=" + safeJdbcUrl() + ", username=" + this.username + ", password=******]";
	}

}
