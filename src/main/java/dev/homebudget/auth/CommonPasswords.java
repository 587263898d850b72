package dev.homebudget.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common passwords, shipped with the app ({@code auth/common-passwords.txt}: the
 * 10,000 most common, and the 10,000 most common of at least 10 characters, from a public
 * list of leaked passwords). A password on it is refused whatever its length, without
 * regard to case.
 */
final class CommonPasswords {

	static final String RESOURCE = "/auth/common-passwords.txt";

	private static final Set<String> PASSWORDS = load();

	private CommonPasswords() {
	}

	static boolean contains(CharSequence password) {
		return PASSWORDS.contains(password.toString().toLowerCase(Locale.ROOT));
	}

	static int size() {
		return PASSWORDS.size();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(32_768);
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the application");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
