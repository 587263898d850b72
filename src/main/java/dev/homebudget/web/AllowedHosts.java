package dev.homebudget.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The host names the app trusts in a {@code Host} header: the loopback names
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, with any port) and those listed
 * in {@code budget.http.allowed-hosts}. A page on an attacker's name that resolves to
 * 127.0.0.1 (DNS rebinding) arrives with the attacker's name here, which is how it is
 * told apart from the user's own browser tab.
 */
@Component
public class AllowedHosts {

	/** Always trusted: they only reach the app from the machine it runs on. */
	public static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

	private final Set<String> names;

	private final boolean configured;

	public AllowedHosts(HttpProperties properties) {
		Set<String> names = new LinkedHashSet<>(LOOPBACK);
		names.addAll(properties.allowedHosts());
		this.names = Set.copyOf(names);
		this.configured = !properties.allowedHosts().isEmpty();
	}

	/** Whether {@code budget.http.allowed-hosts} lists any name. */
	public boolean configured() {
		return this.configured;
	}

	/**
	 * Whether the host of a {@code Host} header value (or a bare host name) is a loopback
	 * name or listed.
	 */
	public boolean isTrusted(String host) {
		String name = hostName(host);
		return name != null && this.names.contains(name);
	}

	/** The names trusted, for messages and documentation. */
	public Set<String> names() {
		return this.names;
	}

	/**
	 * The host of a {@code Host} header value, lower case, without its port; an IPv6
	 * literal keeps its brackets (and gets them when it came without, as a server name).
	 * Null for a blank or malformed value.
	 */
	static String hostName(String header) {
		if (header == null) {
			return null;
		}
		String value = header.strip().toLowerCase(Locale.ROOT);
		if (value.isEmpty()) {
			return null;
		}
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			if (end < 0) {
				return null;
			}
			String rest = value.substring(end + 1);
			if (!rest.isEmpty() && !rest.matches(":[0-9]*")) {
				return null;
			}
			return value.substring(0, end + 1);
		}
		if (value.indexOf(':') != value.lastIndexOf(':')) {
			// a bare IPv6 literal (a server name; a Host header brackets it)
			return value.matches("[0-9a-f:.]+") ? "[" + value + "]" : null;
		}
		int colon = value.indexOf(':');
		if (colon >= 0) {
			if (value.indexOf(':', colon + 1) >= 0 || !value.substring(colon + 1).matches("[0-9]*")) {
				return null;
			}
			value = value.substring(0, colon);
		}
		return value.isEmpty() ? null : value;
	}

}
